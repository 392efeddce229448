package dev.andon.knowledge.eval;

import dev.andon.knowledge.KnowledgeBase;
import dev.andon.knowledge.KnowledgeFixtures;
import dev.andon.knowledge.SearchRequest;
import dev.andon.knowledge.index.FusionSettings;
import dev.andon.knowledge.index.SearchMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fusion sensitivity with two-fold cross-validation: the questions are split into odd and even halves; a setting is
 * chosen on one half by MRR and scored on the other, so the reported figure is never measured on the questions used
 * to choose it.
 * <pre>
 * mvn -q -o -pl knowledge exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.andon.knowledge.eval.FusionGrid
 * </pre>
 */
public final class FusionGrid {
    private FusionGrid() {
    }

    public static void main(String[] args) throws IOException {
        EvalSet set = EvalSet.load();
        List<EvalQuestion> odd = new ArrayList<>();
        List<EvalQuestion> even = new ArrayList<>();
        for (int i = 0; i < set.questions().size(); i++) {
            (i % 2 == 0 ? even : odd).add(set.questions().get(i));
        }
        Path tmp = Files.createTempDirectory("andon-grid");
        Path docs = KnowledgeFixtures.copySample(tmp.resolve("docs"));
        List<FusionSettings> grid = new ArrayList<>();
        for (int k : new int[]{5, 10, 20, 40, 60, 100}) {
            for (double vw : new double[]{0.5, 0.75, 1.0, 1.5, 2.0}) {
                grid.add(new FusionSettings(1.0, vw, k, 50));
            }
        }
        double[][] mrr = new double[grid.size()][2];
        for (int g = 0; g < grid.size(); g++) {
            try (KnowledgeBase kb = KnowledgeBase.open(docs, tmp.resolve("index"),
                    KnowledgeFixtures.options().fusion(grid.get(g)).build())) {
                mrr[g][0] = score(kb, odd).mrr();
                mrr[g][1] = score(kb, even).mrr();
                System.out.printf(Locale.ROOT, "k=%3d vectorWeight=%.2f  MRR odd %.3f even %.3f all %.3f%n",
                        grid.get(g).rrfK(), grid.get(g).vectorWeight(), mrr[g][0], mrr[g][1], (mrr[g][0] + mrr[g][1]) / 2);
            }
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(tmp)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        for (int fold = 0; fold < 2; fold++) {
            int best = 0;
            for (int g = 1; g < grid.size(); g++) {
                if (mrr[g][fold] > mrr[best][fold]) {
                    best = g;
                }
            }
            System.out.printf(Locale.ROOT, "chosen on %s: %s -> held-out MRR %.3f (default k=60,w=1: %.3f)%n",
                    fold == 0 ? "odd" : "even", grid.get(best), mrr[best][1 - fold], mrr[indexOf(grid, 60, 1.0)][1 - fold]);
        }
    }

    private static int indexOf(List<FusionSettings> grid, int k, double w) {
        for (int i = 0; i < grid.size(); i++) {
            if (grid.get(i).rrfK() == k && grid.get(i).vectorWeight() == w) {
                return i;
            }
        }
        throw new IllegalArgumentException();
    }

    private static RetrievalScore score(KnowledgeBase kb, List<EvalQuestion> questions) {
        RetrievalScore s = new RetrievalScore();
        for (EvalQuestion q : questions) {
            s.add(q, kb.search(SearchRequest.of(q.q(), SearchEval.DEPTH), SearchMode.HYBRID));
        }
        return s;
    }
}
