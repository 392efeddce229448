package dev.andon.knowledge.eval;

import dev.andon.knowledge.KnowledgeBase;
import dev.andon.knowledge.KnowledgeFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards retrieval quality: on the labelled questions, hybrid search beats each retriever alone. */
class SearchEvalTest {
    @TempDir
    Path tmp;

    @Test
    void labelledSetIsLargeAndMixesDirectQuestionsWithParaphrases() {
        EvalSet set = EvalSet.load();
        assertThat(set.questions()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(set.questions()).extracting(EvalQuestion::style).contains("direct", "paraphrase");
        assertThat(set.questions()).extracting(EvalQuestion::asker).contains("operator", "team-leader", "trainer");
    }

    @Test
    void hybridBeatsBm25AndVectorsAloneOnEveryMetric() {
        try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeFixtures.copySample(tmp.resolve("docs")), tmp.resolve("index"),
                KnowledgeFixtures.options().build())) {
            Map<String, RetrievalScore> s = SearchEval.run(kb, EvalSet.load(), false);
            RetrievalScore bm25 = s.get("BM25");
            RetrievalScore vector = s.get("VECTOR");
            RetrievalScore hybrid = s.get("HYBRID");
            assertThat(hybrid.mrr()).isGreaterThan(bm25.mrr()).isGreaterThan(vector.mrr());
            assertThat(hybrid.hitAt1()).isGreaterThan(bm25.hitAt1()).isGreaterThan(vector.hitAt1());
            assertThat(hybrid.hitAt3()).isGreaterThan(bm25.hitAt3()).isGreaterThan(vector.hitAt3());
            assertThat(hybrid.hitAt3()).isGreaterThan(0.8);
        }
    }
}
