package dev.andon.knowledge;

import dev.andon.core.error.ConflictException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.PayloadTooLargeException;
import dev.andon.knowledge.index.SearchMode;
import dev.andon.knowledge.ingest.TestPdfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.andon.knowledge.Docs.bytes;
import static dev.andon.knowledge.Docs.markdown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadAndBadInputTest {
    private static final String PRESS_SOP = markdown("SOP-PRESS", "1.0", "Press start-up", """
            ## 1 Start the pump

            1. Check the oil level in the sight glass.
            2. Press PUMP ON and wait five minutes.

            ## 2 First part

            Check the first bracket with the gauge.
            """);
    private static final byte[] PDF_SIDECAR = bytes("""
            id: WI-FILTER
            title: Filter change
            type: work-instruction
            roles: [maintenance]
            version: "1.0"
            language: en
            """);

    @TempDir
    Path tmp;
    Path docs;
    KnowledgeBase kb;

    @BeforeEach
    void open() {
        docs = tmp.resolve("docs");
        kb = KnowledgeBase.open(docs, tmp.resolve("index"), KnowledgeFixtures.options().build());
        kb.ingest("press.md", bytes(PRESS_SOP));
    }

    @AfterEach
    void close() {
        kb.close();
    }

    @Test
    void uploadsOfEveryFormatAreWrittenToTheFolderAndSearchable() {
        kb.ingest("feedback.txt", bytes("""
                ---
                id: STD-FEEDBACK
                title: Alert feedback
                type: standard
                version: "1.0"
                ---
                1 The three answers
                1. Useful.
                2. False alarm.
                3. Duplicate.
                """));
        kb.ingest("guide.html", bytes("""
                <html><head><meta name="andon:id" content="TG-GUIDE"><meta name="andon:title" content="Guide">
                <meta name="andon:type" content="training-guide"><meta name="andon:version" content="1">
                <script>steal()</script></head><body><h2>1 Welcome</h2><p>Welcome to the welding cell onboarding.</p></body></html>
                """));
        IngestResult pdf = kb.ingest("filter.pdf", TestPdfs.simple(List.of("## 1 Change the filter element",
                "1. Unscrew the filter bowl.", "2. Replace the cartridge.")), PDF_SIDECAR);

        assertThat(pdf.documentId()).isEqualTo("WI-FILTER");
        assertThat(docs.resolve("filter.pdf")).exists();
        assertThat(docs.resolve("filter.pdf.meta.yaml")).exists();
        assertThat(docs.resolve("feedback.txt")).exists();
        assertThat(docs.resolve("guide.html")).content().doesNotContain("steal()");
        assertThat(kb.documents()).extracting(DocumentInfo::id)
                .containsExactlyInAnyOrder("SOP-PRESS", "STD-FEEDBACK", "TG-GUIDE", "WI-FILTER");
        assertThat(top("replace the filter cartridge")).isEqualTo("WI-FILTER §1");
        assertThat(top("false alarm duplicate useful")).isEqualTo("STD-FEEDBACK §1");
        assertThat(top("welding cell onboarding")).isEqualTo("TG-GUIDE §1");
        assertThat(top("check the oil level before starting the pump")).isEqualTo("SOP-PRESS §1");
    }

    @Test
    void aSidecarUploadedAloneUpdatesItsPdf() {
        kb.ingest("filter.pdf", TestPdfs.simple(List.of("## 1 Change the filter element", "Text.")), PDF_SIDECAR);
        kb.ingest("filter.pdf.meta.yaml", bytes(new String(PDF_SIDECAR).replace("title: Filter change", "title: Return filter change")));
        assertThat(kb.document("WI-FILTER").info().title()).isEqualTo("Return filter change");
        assertThatThrownBy(() -> kb.ingest("missing.pdf.meta.yaml", PDF_SIDECAR))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no document missing.pdf");
    }

    static Stream<Arguments> badUploads() {
        String good = PRESS_SOP.replace("SOP-PRESS", "SOP-OTHER");
        return Stream.of(
                Arguments.of("path traversal", "../escape.md", bytes(good), InvalidInputException.class, "filename"),
                Arguments.of("absolute path", "/etc/andon.md", bytes(good), InvalidInputException.class, "filename"),
                Arguments.of("nested folder", "sub/dir.md", bytes(good), InvalidInputException.class, "filename"),
                Arguments.of("windows path", "..\\x.md", bytes(good), InvalidInputException.class, "filename"),
                Arguments.of("hidden file", ".hidden.md", bytes(good), InvalidInputException.class, "filename"),
                Arguments.of("unknown type", "macro.docm", bytes(good), InvalidInputException.class, "unsupported"),
                Arguments.of("empty file", "empty.md", new byte[0], InvalidInputException.class, "empty"),
                Arguments.of("only metadata", "meta.md", bytes(good.substring(0, good.indexOf("# Press"))), InvalidInputException.class, "no text"),
                Arguments.of("wrong front matter", "wrong.md", bytes(good.replace("type: sop", "type: memo").replace("owner:", "author:")),
                        InvalidInputException.class, "unknown document type 'memo'"),
                Arguments.of("corrupt pdf", "broken.pdf", bytes("%PDF-1.4\n%%garbage\n" + "x".repeat(500)), InvalidInputException.class, "broken.pdf"),
                Arguments.of("encrypted pdf", "secret.pdf", TestPdfs.encrypted(), InvalidInputException.class, "encrypted"),
                Arguments.of("pdf without text", "scan.pdf", TestPdfs.simple(List.of(" ")), InvalidInputException.class, "no text"),
                Arguments.of("not utf-8", "latin1.md", new byte[]{'-', '-', '-', '\n', (byte) 0xE9, (byte) 0xFF}, InvalidInputException.class, "UTF-8"),
                Arguments.of("same id in another file name", "copy.md", bytes(PRESS_SOP), ConflictException.class, "already in file press.md"),
                Arguments.of("file name holding another document", "press.md", bytes(good), ConflictException.class, "already holds document SOP-PRESS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUploads")
    void badUploadsAreRefusedWithAClearErrorAndChangeNothing(String what, String name, byte[] content,
                                                               Class<? extends RuntimeException> error, String message) {
        State before = state();
        assertThatThrownBy(() -> kb.ingest(name, content)).isInstanceOf(error).hasMessageContaining(message);
        assertThat(state()).isEqualTo(before);
        assertThat(tmp.resolve("escape.md")).doesNotExist();
    }

    @Test
    void aFiftyMegabyteFileIsRefusedAsTooLarge() {
        State before = state();
        byte[] huge = new byte[50 * 1024 * 1024];
        assertThatThrownBy(() -> kb.ingest("huge.pdf", huge, PDF_SIDECAR))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("huge.pdf");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void pdfExpandingBeyondTheTextCapIsRefused() {
        try (KnowledgeBase small = KnowledgeBase.open(tmp.resolve("docs2"), tmp.resolve("index2"),
                KnowledgeFixtures.options().maxExtractedChars(20_000).maxPdfPages(3).build())) {
            assertThatThrownBy(() -> small.ingest("bomb.pdf", TestPdfs.expanding(2_000), PDF_SIDECAR))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("more than 20000 characters");
            assertThatThrownBy(() -> small.ingest("long.pdf", TestPdfs.pages(4), PDF_SIDECAR))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("4 pages");
            assertThat(small.documents()).isEmpty();
            assertThat(tmp.resolve("docs2")).isEmptyDirectory();
        }
    }

    @Test
    void deleteRemovesTheDocumentFromFolderAndIndex() {
        kb.ingest("filter.pdf", TestPdfs.simple(List.of("## 1 Change the filter", "Replace the cartridge.")), PDF_SIDECAR);
        kb.delete("WI-FILTER");
        assertThat(docs.resolve("filter.pdf")).doesNotExist();
        assertThat(docs.resolve("filter.pdf.meta.yaml")).doesNotExist();
        assertThat(kb.documents()).extracting(DocumentInfo::id).containsExactly("SOP-PRESS");
        assertThat(kb.search(SearchRequest.of("replace the cartridge", 10), SearchMode.BM25)).isEmpty();
        assertThatThrownBy(() -> kb.delete("WI-FILTER")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kb.document("WI-FILTER")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badSearchRequestsNameTheParameter() {
        assertThatThrownBy(() -> kb.search(SearchRequest.of("  ", 5))).isInstanceOf(InvalidInputException.class).hasMessageContaining("q:");
        assertThatThrownBy(() -> kb.search(SearchRequest.of("oil", 500))).isInstanceOf(InvalidInputException.class).hasMessageContaining("k:");
        assertThatThrownBy(() -> kb.search(new SearchRequest("oil", null, null, null, "memo", null, 5)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("type:");
        assertThat(kb.search(SearchRequest.of("oil", 0))).isNotEmpty();
    }

    @Test
    void sectionsAreFoundByNumberOrHeadingAndMissingOnesAreNotFound() {
        assertThat(kb.section("SOP-PRESS", "1")).get().extracting(Section::heading).isEqualTo("Start the pump");
        assertThat(kb.section("SOP-PRESS", "First part")).get().extracting(Section::section).isEqualTo("2");
        assertThat(kb.section("SOP-PRESS", "9")).isEmpty();
        assertThat(kb.section("NOPE", "1")).isEmpty();
        assertThatThrownBy(() -> kb.requireSection("SOP-PRESS", "9", null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kb.requireSection("SOP-PRESS", "1", "7.0")).isInstanceOf(NotFoundException.class);
    }

    private String top(String query) {
        SearchHit hit = kb.search(SearchRequest.of(query, 3)).get(0);
        return hit.documentId() + " §" + hit.section();
    }

    private record State(List<DocumentInfo> documents, int chunks, Map<String, Long> files, List<String> hits) {
    }

    private State state() {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(docs)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                try {
                    files.put(docs.relativize(p).toString(), Files.size(p) * 31 + Files.readString(p).hashCode());
                } catch (IOException e) {
                    files.put(docs.relativize(p).toString(), -1L);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> hits = kb.search(SearchRequest.of("oil level pump first part", 10)).stream()
                .map(h -> h.documentId() + h.section() + h.version()).toList();
        return new State(kb.documents(), kb.health().chunks(), files, hits);
    }
}
