package dev.andon.knowledge;

import dev.andon.knowledge.index.SearchMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.andon.knowledge.Docs.await;
import static dev.andon.knowledge.Docs.markdown;
import static org.assertj.core.api.Assertions.assertThat;

/** The watched folder, followed by the real background watcher. */
class FolderWatchTest {
    @TempDir
    Path tmp;
    Path docs;
    KnowledgeBase kb;

    @BeforeEach
    void open() {
        docs = tmp.resolve("docs");
        kb = KnowledgeBase.open(docs, tmp.resolve("index"), KnowledgeFixtures.options().build()).startWatching();
    }

    @AfterEach
    void close() {
        kb.close();
    }

    @Test
    void aFileAddedChangedAndDeletedIsIndexedUpdatedAndRemoved() throws IOException {
        Files.writeString(docs.resolve("coolant.md"), markdown("SOP-COOLANT", "1.0", "Coolant", "## 1 Check\n\nCheck the coolant concentration with the refractometer."));
        await("new file indexed", () -> kb.documents().size() == 1);
        assertThat(hits("refractometer")).isEqualTo(1);

        Files.writeString(docs.resolve("coolant.md"), markdown("SOP-COOLANT", "1.0", "Coolant", "## 1 Check\n\nCheck the coolant level in the sump every shift."));
        await("changed file re-indexed", () -> hits("sump") == 1);
        assertThat(hits("refractometer")).isZero();

        Files.delete(docs.resolve("coolant.md"));
        await("deleted file removed", () -> kb.documents().isEmpty());
        assertThat(hits("sump")).isZero();
    }

    @Test
    void aFailedIngestIsReportedInHealthAndRetriedWhenTheFileChanges() throws IOException {
        Files.writeString(docs.resolve("good.md"), markdown("SOP-GOOD", "1.0", "Good", "## 1 A\n\nGood text."));
        Files.writeString(docs.resolve("broken.md"), markdown("SOP-BROKEN", "1.0", "Broken", "## 1 A\n\nText.").replace("type: sop", "type: memo"));
        await("failure reported", () -> !kb.health().failedIngests().isEmpty());

        KnowledgeHealth health = kb.health();
        assertThat(health.status()).isEqualTo("DEGRADED");
        assertThat(health.up()).isTrue();
        assertThat(health.failedIngests()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("broken.md");
            assertThat(f.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("type"));
        });
        assertThat(kb.documents()).extracting(DocumentInfo::id).containsExactly("SOP-GOOD");

        Files.writeString(docs.resolve("broken.md"), markdown("SOP-BROKEN", "1.0", "Broken", "## 1 A\n\nFixed text about gearboxes."));
        await("fixed file indexed", () -> kb.documents().size() == 2);
        assertThat(kb.health().failedIngests()).isEmpty();
        assertThat(kb.health().status()).isEqualTo("UP");
        assertThat(hits("gearboxes")).isEqualTo(1);
    }

    @Test
    void anEditThatRaisesTheVersionArchivesTheOldVersion() throws IOException {
        Files.writeString(docs.resolve("wi.md"), markdown("WI-X", "1.0", "X", "## 1 A\n\nFirst wording."));
        await("v1", () -> kb.documents().size() == 1);
        Files.writeString(docs.resolve("wi.md"), markdown("WI-X", "1.1", "X", "## 1 A\n\nSecond wording."));
        await("v1.1 current", () -> kb.document("WI-X").info().version().equals("1.1"));
        assertThat(docs.resolve("archive/WI-X-v1.0.md")).content().contains("First wording.");
        kb.scanNow();
        assertThat(kb.document("WI-X").versions()).hasSize(2);
        assertThat(kb.health().failedIngests()).isEmpty();
    }

    private int hits(String word) {
        return kb.search(SearchRequest.of(word, 10), SearchMode.BM25).size();
    }
}
