package dev.andon.knowledge.eval;

import dev.andon.knowledge.KnowledgeBase;
import dev.andon.knowledge.KnowledgeFixtures;
import dev.andon.knowledge.SearchHit;
import dev.andon.knowledge.SearchRequest;
import dev.andon.knowledge.index.FusionSettings;
import dev.andon.knowledge.index.SearchMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Retrieval quality on the labelled questions over the sample knowledge base: hit@1, hit@3 and MRR@10 for BM25
 * alone, vectors alone and hybrid, overall and by question style.
 * <pre>
 * cd /work/main && mvn -q -o -pl knowledge exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.andon.knowledge.eval.SearchEval [-Deval.verbose=true]
 * </pre>
 * Fusion can be varied for experiments with -Deval.rrfK, -Deval.bm25Weight, -Deval.vectorWeight; the defaults are the
 * shipped {@link FusionSettings#defaults()}.
 */
public final class SearchEval {
    public static final int DEPTH = 10;

    private SearchEval() {
    }

    /** Scores per mode, plus per style ("direct", "paraphrase") under keys like "HYBRID/paraphrase". */
    public static Map<String, RetrievalScore> run(KnowledgeBase kb, EvalSet set, boolean verbose) {
        Map<String, RetrievalScore> scores = new LinkedHashMap<>();
        for (SearchMode mode : SearchMode.values()) {
            RetrievalScore all = scores.computeIfAbsent(mode.name(), k -> new RetrievalScore());
            for (EvalQuestion q : set.questions()) {
                List<SearchHit> hits = kb.search(SearchRequest.of(q.q(), DEPTH), mode);
                int rank = all.add(q, hits);
                scores.computeIfAbsent(mode.name() + "/" + q.style(), k -> new RetrievalScore()).add(q, hits);
                if (verbose && rank != 1) {
                    System.out.printf("  %-6s rank %-2s %-60s expected %s §%s, got %s%n", mode, rank == 0 ? "-" : rank,
                            q.q(), q.doc(), q.section(),
                            hits.isEmpty() ? "nothing" : hits.get(0).documentId() + " §" + hits.get(0).section());
                }
            }
        }
        return scores;
    }

    public static void main(String[] args) throws IOException {
        FusionSettings d = FusionSettings.defaults();
        FusionSettings fusion = new FusionSettings(
                Double.parseDouble(System.getProperty("eval.bm25Weight", Double.toString(d.bm25Weight()))),
                Double.parseDouble(System.getProperty("eval.vectorWeight", Double.toString(d.vectorWeight()))),
                Integer.parseInt(System.getProperty("eval.rrfK", Integer.toString(d.rrfK()))),
                Integer.parseInt(System.getProperty("eval.candidates", Integer.toString(d.candidates()))));
        boolean verbose = Boolean.getBoolean("eval.verbose");
        EvalSet set = EvalSet.load();
        Path tmp = Files.createTempDirectory("andon-eval");
        try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeFixtures.copySample(tmp.resolve("docs")),
                tmp.resolve("index"), KnowledgeFixtures.options().fusion(fusion).build())) {
            Map<String, RetrievalScore> scores = run(kb, set, verbose);
            System.out.println();
            System.out.println("Sample knowledge base: " + kb.documents().size() + " documents, " + kb.health().chunks()
                    + " chunks; " + set.questions().size() + " questions; fusion " + fusion);
            System.out.println();
            System.out.println("| mode     |   n | hit@1 | hit@3 | MRR@10 |");
            System.out.println("|----------|-----|-------|-------|--------|");
            for (SearchMode mode : SearchMode.values()) {
                System.out.println(scores.get(mode.name()).row(mode.name().toLowerCase()));
            }
            for (String style : new String[]{"direct", "paraphrase"}) {
                System.out.println();
                System.out.println("Style: " + style);
                for (SearchMode mode : SearchMode.values()) {
                    System.out.println(scores.get(mode.name() + "/" + style).row(mode.name().toLowerCase()));
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
