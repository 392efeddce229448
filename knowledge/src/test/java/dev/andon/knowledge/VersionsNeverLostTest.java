package dev.andon.knowledge;

import dev.andon.knowledge.index.SearchMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.andon.knowledge.Docs.bytes;
import static dev.andon.knowledge.DocumentsAsTheyAreTest.AUTHOR;
import static org.assertj.core.api.Assertions.assertThat;

/** Every accepted version is kept and retrievable; the highest is current whatever the order of uploads. */
class VersionsNeverLostTest {
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

    private static byte[] version(String v) {
        return bytes("---\nid: SOP-COOLANT\ntype: sop\nversion: \"" + v + "\"\n---\n# Coolant\n\n## 1 Mix\n\n"
                + "Mix the coolant at concentration step " + v + " for this revision.\n");
    }

    @Test
    void versionsUploadedOutOfOrderUnderOneFileNameAreAllKeptAndTheHighestIsCurrent() {
        List<IngestResult> results = new ArrayList<>();
        for (String v : List.of("3.5", "3.2", "3.9", "3.1")) {
            results.add(kb.upload(AUTHOR, DocumentUpload.of("coolant.md", version(v))));
        }

        assertThat(results).extracting(IngestResult::status)
                .containsExactly("current", "superseded", "current", "superseded");
        assertVersions();
        assertThat(tmp.resolve("docs/coolant.md")).content().contains("step 3.9");

        kb.rebuild();
        assertVersions();
    }

    private void assertVersions() {
        DocumentDetail doc = kb.document("SOP-COOLANT");
        assertThat(doc.info().version()).isEqualTo("3.9");
        assertThat(doc.versions()).extracting(DocumentVersionInfo::version).containsExactly("3.9", "3.5", "3.2", "3.1");
        for (String v : List.of("3.5", "3.2", "3.9", "3.1")) {
            assertThat(kb.section("SOP-COOLANT", "1", v).orElseThrow().text()).contains("step " + v);
        }
        assertThat(kb.search(SearchRequest.of("mix the coolant concentration step", 10), SearchMode.BM25))
                .extracting(SearchHit::version).containsOnly("3.9");
    }

    @Test
    void twentyParallelUploadsOfOneDocumentAreSerialisedAndAllKept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<IngestResult>> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String v = "2." + i;
                uploads.add(pool.submit(() -> {
                    start.await();
                    return kb.upload(AUTHOR, DocumentUpload.of("coolant.md", version(v)));
                }));
            }
            start.countDown();
            for (Future<IngestResult> f : uploads) {
                assertThat(f.get(120, TimeUnit.SECONDS).documentId()).isEqualTo("SOP-COOLANT");
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> expected = new ArrayList<>();
        for (int i = 19; i >= 0; i--) {
            expected.add("2." + i);
        }
        assertThat(kb.document("SOP-COOLANT").versions()).extracting(DocumentVersionInfo::version)
                .containsExactlyElementsOf(expected);
        assertThat(kb.document("SOP-COOLANT").info().version()).isEqualTo("2.19");
        assertThat(kb.section("SOP-COOLANT", "1", "2.7").orElseThrow().text()).contains("step 2.7");
    }
}
