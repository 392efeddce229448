package dev.andon.knowledge.bench;

import dev.andon.core.identity.Principal;
import dev.andon.knowledge.DocumentUpload;
import dev.andon.knowledge.ImportReport;
import dev.andon.knowledge.KnowledgeBase;
import dev.andon.knowledge.KnowledgeOptions;
import dev.andon.knowledge.index.MiniLmEmbedder;
import dev.andon.knowledge.index.TextEmbedder;
import dev.andon.knowledge.ingest.TestPdfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What bulk import and hostile files cost: a zip of metadata-less wiki pages imported through the real path (parse,
 * defaults, chunk, MiniLM, Lucene), and how long each hostile input takes to be refused.
 * <pre>
 * ./andon bench ingest      (or: mvn -q -o -pl knowledge exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.andon.knowledge.bench.IngestBench [-Dbench.pages=50])
 * </pre>
 */
public final class IngestBench {
    private static final Principal AUTHOR = Principal.person("bench.author", "Bench", Set.of("runbook-author"), Set.of(), true);

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int pages = Integer.getInteger("bench.pages", 50);
        Path dir = Files.createTempDirectory("andon-ingest-bench");
        TextEmbedder model = new MiniLmEmbedder();
        try (KnowledgeBase kb = KnowledgeBase.open(dir.resolve("docs"), dir.resolve("index"),
                KnowledgeOptions.builder().embedder(model).build())) {
            byte[] wiki = zip(pages);
            long t0 = System.nanoTime();
            ImportReport report = kb.importArchive(AUTHOR, "wiki.zip", wiki, Map.of("type", "training-guide"));
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "zip import: %d metadata-less pages (%d KB zipped): %d indexed, %d refused in %.1f s = %.1f pages/s%n",
                    pages, wiki.length / 1024, report.indexed(), report.refused(), s, pages / s);

            byte[] pdfBomb = TestPdfs.inflating(1L << 30);
            refuse(kb, "PDF of " + pdfBomb.length / 1024 + " KB inflating to 1 GiB", () ->
                    kb.upload(AUTHOR, DocumentUpload.of("bomb.pdf", pdfBomb)));
            byte[] zipBomb = zipOfZeros(1L << 30);
            refuse(kb, "zip entry of " + zipBomb.length / 1024 + " KB inflating to 1 GiB", () ->
                    kb.importArchive(AUTHOR, "bomb.zip", zipBomb, Map.of()));
            byte[] tiny = tinyFiles(10_000);
            refuse(kb, "zip of 10,000 tiny files", () -> kb.importArchive(AUTHOR, "tiny.zip", tiny, Map.of()));
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void refuse(KnowledgeBase kb, String what, Runnable attempt) {
        long[] ms = new long[3];
        String outcome = "";
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            try {
                attempt.run();
                outcome = "reported per file";
            } catch (RuntimeException e) {
                outcome = e.getClass().getSimpleName();
            }
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "refused %s (%s): median %d ms (min %d, max %d) over 3 runs%n", what, outcome,
                ms[1], ms[0], ms[2]);
    }

    private static byte[] zip(int pages) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < pages; i++) {
                z.putNextEntry(new ZipEntry("wiki/page " + i + ".md"));
                StringBuilder page = new StringBuilder("# Workshop guide " + i + "\n\n");
                for (int sct = 0; sct < 4; sct++) {
                    page.append("## Topic ").append(sct).append("\n\n");
                    page.append(("Set the feed for part " + i + " at " + (sct + 1) * 50 + " mm per minute and check the "
                            + "coolant before each cut; replace the blade when the teeth are worn. ").repeat(4)).append("\n\n");
                }
                z.write(page.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static byte[] zipOfZeros(long bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            z.putNextEntry(new ZipEntry("bomb.md"));
            byte[] zeros = new byte[1 << 20];
            for (long left = bytes; left > 0; left -= zeros.length) {
                z.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
        }
        return out.toByteArray();
    }

    private static byte[] tinyFiles(int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < n; i++) {
                z.putNextEntry(new ZipEntry("t/" + i + ".md"));
                z.write(("# T" + i + "\n\nx").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
