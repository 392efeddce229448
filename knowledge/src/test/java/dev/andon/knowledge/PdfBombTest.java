package dev.andon.knowledge;

import dev.andon.core.error.InvalidInputException;
import dev.andon.knowledge.ingest.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.andon.knowledge.DocumentsAsTheyAreTest.AUTHOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A small PDF that decompresses to a gigabyte is refused by the decompression cap, long before it is all inflated. */
class PdfBombTest {
    @TempDir
    Path tmp;

    @Test
    void aOneMegabytePdfInflatingToOneGigabyteIsRefusedQuicklyAndChangesNothing() {
        byte[] bomb = TestPdfs.inflating(1L << 30);
        assertThat(bomb.length).isBetween(500_000, 1_500_000);
        try (KnowledgeBase kb = KnowledgeBase.open(tmp.resolve("docs"), tmp.resolve("index"), KnowledgeFixtures.options().build())) {
            // Stopped by the decompression cap after 64 MB (PDFBox alone inflates the whole gigabyte, tens of seconds) —
            // or, on a machine too busy to inflate 64 MB within the parse budget, by that budget first.
            assertThatThrownBy(() -> kb.upload(AUTHOR, DocumentUpload.of("manual.pdf", bomb)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("manual.pdf")
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf(
                            "the PDF's streams expand beyond 64 MB when decompressed", "reading the PDF took longer than"));
            assertThat(kb.documents()).isEmpty();
            assertThat(tmp.resolve("docs")).isEmptyDirectory();
        }
    }

    @Test
    void aPdfThatTakesLongerThanTheParseBudgetIsRefused() {
        try (KnowledgeBase kb = KnowledgeBase.open(tmp.resolve("docs"), tmp.resolve("index"),
                KnowledgeFixtures.options().maxParseMillis(1).build())) {
            assertThatThrownBy(() -> kb.upload(AUTHOR, DocumentUpload.of("slow.pdf", TestPdfs.expanding(20_000))))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("took longer than 1 ms");
            assertThat(kb.documents()).isEmpty();
        }
    }
}
