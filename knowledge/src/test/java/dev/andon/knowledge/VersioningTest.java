package dev.andon.knowledge;

import dev.andon.knowledge.index.SearchMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.andon.knowledge.Docs.bytes;
import static dev.andon.knowledge.Docs.markdown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class VersioningTest {
    private static final String V1 = markdown("SOP-TORQUE", "1.0", "Clamp torque", """
            ## 1 Tighten the clamps

            Tighten the die clamps to 180 N·m with the old blue wrench.
            """);
    private static final String V2 = markdown("SOP-TORQUE", "2.0", "Clamp torque", """
            ## 1 Tighten the clamps

            Tighten the die clamps to 240 N·m in two passes, crosswise.
            """);

    @TempDir
    Path tmp;
    KnowledgeBase kb;

    @BeforeEach
    void open() {
        kb = KnowledgeBase.open(tmp.resolve("docs"), tmp.resolve("index"), KnowledgeFixtures.options().build());
    }

    @AfterEach
    void close() {
        kb.close();
    }

    @Test
    void aNewVersionUnderTheSameFileNameSupersedesTheOldOneWhichStaysRetrievable() {
        kb.ingest("torque.md", bytes(V1));
        IngestResult result = kb.ingest("torque.md", bytes(V2));

        assertThat(result.current()).isTrue();
        assertThat(result.supersededVersions()).containsExactly("1.0");
        DocumentDetail doc = kb.document("SOP-TORQUE");
        assertThat(doc.info().version()).isEqualTo("2.0");
        assertThat(doc.versions()).extracting(DocumentVersionInfo::version, DocumentVersionInfo::status)
                .containsExactly(tuple("2.0", "current"), tuple("1.0", "superseded"));
        assertThat(doc.versions().get(1).file()).isEqualTo("archive/SOP-TORQUE-v1.0.md");
        assertThat(tmp.resolve("docs/archive/SOP-TORQUE-v1.0.md")).content().contains("180 N·m");

        DocumentDetail old = kb.documentVersion("SOP-TORQUE", "1.0");
        assertThat(old.current()).isFalse();
        assertThat(kb.section("SOP-TORQUE", "1", "1.0").orElseThrow().text()).contains("180 N·m");
        assertThat(kb.section("SOP-TORQUE", "1").orElseThrow().text()).contains("240 N·m");
    }

    @Test
    void supersededVersionsAreNeverCitedBySearch() {
        kb.ingest("torque.md", bytes(V1));
        kb.ingest("torque.md", bytes(V2));
        for (SearchMode mode : SearchMode.values()) {
            assertThat(kb.search(SearchRequest.of("old blue wrench 180", 10), mode))
                    .as(mode.name()).allSatisfy(h -> assertThat(h.version()).isEqualTo("2.0"));
        }
        assertThat(kb.search(SearchRequest.of("tighten the die clamps", 5)).get(0).link())
                .isEqualTo("/api/knowledge/documents/SOP-TORQUE/sections/1?version=2.0");
    }

    @Test
    void deletingTheCurrentVersionMakesThePreviousOneCurrentAgain() {
        kb.ingest("torque-v1.md", bytes(V1));
        kb.ingest("torque-v2.md", bytes(V2));
        assertThat(kb.document("SOP-TORQUE").info().version()).isEqualTo("2.0");

        kb.deleteVersion("SOP-TORQUE", "2.0");

        assertThat(kb.document("SOP-TORQUE").info().version()).isEqualTo("1.0");
        assertThat(tmp.resolve("docs/torque-v2.md")).doesNotExist();
        assertThat(kb.search(SearchRequest.of("old blue wrench", 3), SearchMode.BM25))
                .extracting(SearchHit::documentId, SearchHit::version).containsExactly(tuple("SOP-TORQUE", "1.0"));
    }

    @Test
    void anOlderVersionUploadedLaterDoesNotTakeOver() {
        kb.ingest("torque-v2.md", bytes(V2));
        IngestResult old = kb.ingest("torque-v1.md", bytes(V1));
        assertThat(old.current()).isFalse();
        assertThat(kb.document("SOP-TORQUE").info().version()).isEqualTo("2.0");
    }

    @Test
    void documentsPastTheirReviewDateAreFlagged() {
        kb.ingest("due.md", bytes(markdown("SOP-DUE", "1.0", "Due", "## 1 A\n\nText.").replace("reviewDate: 2027-01-01", "reviewDate: 2026-11-24")));
        kb.ingest("ok.md", bytes(markdown("SOP-OK", "1.0", "Ok", "## 1 A\n\nText.").replace("reviewDate: 2027-01-01", "reviewDate: 2026-11-25")));
        assertThat(kb.document("SOP-DUE").info().reviewOverdue()).isTrue();
        assertThat(kb.document("SOP-OK").info().reviewOverdue()).as("due today is not overdue").isFalse();
    }

    @Test
    void versionsSurviveARestart() {
        kb.ingest("torque.md", bytes(V1));
        kb.ingest("torque.md", bytes(V2));
        kb.close();
        kb = KnowledgeBase.open(tmp.resolve("docs"), tmp.resolve("index"), KnowledgeFixtures.options().build());
        assertThat(kb.document("SOP-TORQUE").versions()).extracting(DocumentVersionInfo::version).containsExactly("2.0", "1.0");
        assertThat(kb.health().embeddedChunks()).isZero();
    }

    @Test
    void rebuildRecoversSupersededVersionsFromTheArchive() {
        kb.ingest("torque.md", bytes(V1));
        kb.ingest("torque.md", bytes(V2));
        RebuildReport report = kb.rebuild();
        assertThat(report.versions()).isEqualTo(2);
        assertThat(kb.document("SOP-TORQUE").versions()).extracting(DocumentVersionInfo::version, DocumentVersionInfo::status)
                .containsExactly(tuple("2.0", "current"), tuple("1.0", "superseded"));
    }
}
