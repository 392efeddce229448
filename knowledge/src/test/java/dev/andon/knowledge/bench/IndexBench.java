package dev.andon.knowledge.bench;

import dev.andon.knowledge.KnowledgeBase;
import dev.andon.knowledge.KnowledgeOptions;
import dev.andon.knowledge.SearchRequest;
import dev.andon.knowledge.index.MiniLmEmbedder;
import dev.andon.knowledge.index.SearchMode;
import dev.andon.knowledge.index.TextEmbedder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Builds a knowledge base of generated documents (default 100,000 chunks) through the real ingestion path (Markdown
 * files in a folder, parsed, chunked, embedded with MiniLM, written to Lucene) and measures indexing throughput, query
 * latency per mode, index size and heap.
 * <pre>
 * cd /work/main && mvn -q -o -pl knowledge exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.andon.knowledge.bench.IndexBench [-Dbench.chunks=100000] [-Dbench.queries=2000]
 *     [-Dbench.dir=/tmp/kb100k]   (keeps the folder and index there; a second run reopens them without re-embedding)
 * </pre>
 */
public final class IndexBench {
    private static final int SECTIONS_PER_DOC = 20;

    private IndexBench() {
    }

    public static void main(String[] args) throws IOException {
        int chunks = Integer.getInteger("bench.chunks", 100_000);
        int queries = Integer.getInteger("bench.queries", 2_000);
        int docs = Math.max(1, chunks / SECTIONS_PER_DOC);
        String keep = System.getProperty("bench.dir");
        Path tmp = keep != null ? Path.of(keep) : Files.createTempDirectory("andon-bench");
        Path folder = tmp.resolve("docs");
        boolean reuse = Files.isDirectory(tmp.resolve("index"));
        ChunkTextGenerator gen = new ChunkTextGenerator(42);
        if (!reuse) {
            Files.createDirectories(folder);
            long t0 = System.nanoTime();
            long bytes = 0;
            for (int d = 0; d < docs; d++) {
                String md = document(gen, d);
                bytes += md.length();
                Files.writeString(folder.resolve("GEN-" + d + ".md"), md);
            }
            System.out.printf(Locale.ROOT, "generated %d documents (%.1f MB of Markdown) in %.1f s%n", docs, bytes / 1e6,
                    (System.nanoTime() - t0) / 1e9);
        } else {
            System.out.println("reusing the index in " + tmp + " (a restart: nothing is embedded again)");
        }

        TextEmbedder model = new MiniLmEmbedder();
        model.embed("warm up");
        KnowledgeOptions options = KnowledgeOptions.builder().embedder(model).maxChunkChars(1200)
                .refreshInterval(Duration.ofSeconds(1)).ramBufferMb(256).build();
        long start = System.nanoTime();
        try (KnowledgeBase kb = KnowledgeBase.open(folder, tmp.resolve("index"), options)) {
            double secs = (System.nanoTime() - start) / 1e9;
            int indexed = kb.health().chunks();
            System.out.printf(Locale.ROOT, "%s %d chunks from %d documents in %.1f s: %.0f chunks/s (%.2f ms/chunk, embedding included); embedded %d%n",
                    reuse ? "reopened" : "indexed", indexed, kb.documents().size(), secs, indexed / secs,
                    secs * 1000 / indexed, kb.health().embeddedChunks());
            System.out.printf(Locale.ROOT, "index on disk: %.1f MB; failed ingests: %d%n",
                    kb.health().indexBytes() / 1e6, kb.health().failedIngests().size());
            long t = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                model.embed(gen.query());
            }
            System.out.printf(Locale.ROOT, "query embedding alone: %.2f ms mean%n", (System.nanoTime() - t) / 1e6 / 500);

            List<String> qs = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                qs.add(gen.query());
            }
            System.out.println();
            System.out.println("| mode   | queries | p50 ms | p95 ms | p99 ms | mean ms |");
            System.out.println("|--------|---------|--------|--------|--------|---------|");
            for (SearchMode mode : SearchMode.values()) {
                measure(kb, mode, qs.subList(0, Math.min(300, qs.size())), null);
                measure(kb, mode, qs, mode.name().toLowerCase(Locale.ROOT));
            }
            Runtime rt = Runtime.getRuntime();
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            System.out.printf(Locale.ROOT, "%nheap used after GC: %.0f MB (max %.0f MB)%n",
                    (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
            // k for all modes: 10 hits, 50 candidates per retriever (FusionSettings.defaults()).
        } finally {
            if (keep != null) {
                return;
            }
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(KnowledgeBase kb, SearchMode mode, List<String> queries, String label) {
        long[] ns = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            kb.search(SearchRequest.of(queries.get(i), 10), mode);
            ns[i] = System.nanoTime() - t;
        }
        if (label == null) {
            return;
        }
        Arrays.sort(ns);
        double mean = Arrays.stream(ns).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "| %-6s | %7d | %6.2f | %6.2f | %6.2f | %7.2f |%n", label, ns.length,
                pct(ns, 50), pct(ns, 95), pct(ns, 99), mean);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static String document(ChunkTextGenerator gen, int n) {
        StringBuilder sb = new StringBuilder();
        sb.append("---\nid: GEN-").append(n).append("\ntitle: Generated procedure ").append(n)
                .append("\ntype: sop\nversion: \"1.0\"\nlanguage: en\n---\n# Generated procedure ").append(n).append("\n\n");
        for (int s = 1; s <= SECTIONS_PER_DOC; s++) {
            sb.append("## ").append(s).append(' ').append(gen.heading()).append("\n\n").append(gen.sectionBody()).append('\n');
        }
        return sb.toString();
    }
}
