package dev.andon.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RestartAndRebuildTest {
    @TempDir
    Path tmp;

    @Test
    void aRestartKeepsTheIndexAndEmbedsNothingAgain() {
        Path docs = KnowledgeFixtures.copySample(tmp.resolve("docs"));
        List<DocumentInfo> before;
        int chunks;
        List<SearchHit> hits;
        try (KnowledgeBase kb = KnowledgeBase.open(docs, tmp.resolve("index"), KnowledgeFixtures.options().build())) {
            assertThat(kb.health().embeddedChunks()).isPositive();
            before = kb.documents();
            chunks = kb.health().chunks();
            hits = kb.search(SearchRequest.of("what do I do when the vision model is silent", 3));
        }
        try (KnowledgeBase kb = KnowledgeBase.open(docs, tmp.resolve("index"), KnowledgeFixtures.options().build())) {
            assertThat(kb.health().embeddedChunks()).isZero();
            assertThat(kb.documents()).isEqualTo(before);
            assertThat(kb.health().chunks()).isEqualTo(chunks);
            assertThat(kb.search(SearchRequest.of("what do I do when the vision model is silent", 3))).isEqualTo(hits);
        }
    }

    @Test
    void aFileChangedWhileStoppedIsTheOnlyOneEmbeddedAgain() throws IOException {
        Path docs = KnowledgeFixtures.copySample(tmp.resolve("docs"));
        try (KnowledgeBase kb = KnowledgeBase.open(docs, tmp.resolve("index"), KnowledgeFixtures.options().build())) {
            assertThat(kb.documents()).isNotEmpty();
        }
        Path sop = docs.resolve("SOP-ANDON-CORD.md");
        Files.writeString(sop, Files.readString(sop).replace("target within 1 minute", "target within 2 minutes"));
        Files.delete(docs.resolve("STD-5S.md"));
        try (KnowledgeBase kb = KnowledgeBase.open(docs, tmp.resolve("index"), KnowledgeFixtures.options().build())) {
            assertThat(kb.health().embeddedChunks()).isEqualTo(chunksOf(kb, "SOP-ANDON-CORD")).isPositive();
            assertThat(kb.section("SOP-ANDON-CORD", "2").orElseThrow().text()).contains("within 2 minutes");
            assertThat(kb.documents()).extracting(DocumentInfo::id).doesNotContain("STD-5S");
        }
    }

    @Test
    void rebuildRecreatesTheIndexFromTheDocuments() {
        Path docs = KnowledgeFixtures.copySample(tmp.resolve("docs"));
        try (KnowledgeBase kb = KnowledgeBase.open(docs, tmp.resolve("index"), KnowledgeFixtures.options().build())) {
            int chunks = kb.health().chunks();
            List<DocumentInfo> documents = kb.documents();
            RebuildReport report = kb.rebuild();
            assertThat(report.chunks()).isEqualTo(chunks);
            assertThat(report.failedIngests()).isEmpty();
            assertThat(kb.documents()).isEqualTo(documents);
            assertThat(kb.health().embeddedChunks()).isEqualTo(2L * chunks);
            assertThat(kb.search(SearchRequest.of("isolate hydraulic energy", 1)).get(0).section()).isEqualTo("4.2");
        }
    }

    @Test
    void searchesKeepAnsweringFromTheOldIndexWhileARebuildRuns() throws Exception {
        Path docs = KnowledgeFixtures.copySample(tmp.resolve("docs"));
        try (KnowledgeBase kb = KnowledgeBase.open(docs, tmp.resolve("index"), KnowledgeFixtures.options().build())) {
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicInteger empty = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger searches = new java.util.concurrent.atomic.AtomicInteger();
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    if (kb.search(SearchRequest.of("lock out the press", 3), dev.andon.knowledge.index.SearchMode.BM25).isEmpty()
                            || kb.documents().isEmpty()) {
                        empty.incrementAndGet();
                    }
                    searches.incrementAndGet();
                }
            });
            reader.start();
            kb.rebuild();
            done.set(true);
            reader.join();
            assertThat(searches.get()).isPositive();
            assertThat(empty.get()).as("searches that found nothing during the rebuild").isZero();
        }
    }

    @Test
    void theRebuildCommandRecreatesAnIndexFromTheCommandLine() {
        Path docs = KnowledgeFixtures.copySample(tmp.resolve("docs"));
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            RebuildCommand.main(new String[]{docs.toString(), tmp.resolve("cli-index").toString()});
        } finally {
            System.setOut(out);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("35 documents, 36 versions");
        try (KnowledgeBase kb = KnowledgeBase.open(docs, tmp.resolve("cli-index"), KnowledgeFixtures.options().build())) {
            assertThat(kb.health().embeddedChunks()).isZero();
            assertThat(kb.documents()).hasSize(35);
        }
    }

    @Test
    void anIndexDeletedFromDiskIsRebuiltOnOpen() throws IOException {
        Path docs = KnowledgeFixtures.copySample(tmp.resolve("docs"));
        Path index = tmp.resolve("index");
        int documents;
        try (KnowledgeBase kb = KnowledgeBase.open(docs, index, KnowledgeFixtures.options().build())) {
            documents = kb.documents().size();
        }
        try (var files = Files.list(index)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        try (KnowledgeBase kb = KnowledgeBase.open(docs, index, KnowledgeFixtures.options().build())) {
            assertThat(kb.documents()).hasSize(documents);
        }
    }

    private static int chunksOf(KnowledgeBase kb, String id) {
        return kb.allVersions().stream().filter(v -> v.id().equals(id)).mapToInt(v -> v.chunkCount()).sum();
    }
}
