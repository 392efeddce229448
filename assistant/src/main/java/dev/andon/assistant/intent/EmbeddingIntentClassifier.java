package dev.andon.assistant.intent;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a message against example utterances with an in-process sentence-embedding model: for each intent, the
 * cosine similarity of the closest example. The examples are embedded once, at construction.
 */
public final class EmbeddingIntentClassifier {
    private final EmbeddingModel model;
    private final List<Example> examples;

    public EmbeddingIntentClassifier(EmbeddingModel model, Map<Intent, List<String>> utterances) {
        this.model = model;
        List<Intent> intents = new ArrayList<>();
        List<TextSegment> texts = new ArrayList<>();
        utterances.forEach((intent, list) -> list.forEach(u -> {
            intents.add(intent);
            texts.add(TextSegment.from(u));
        }));
        List<Embedding> vectors = model.embedAll(texts).content();
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            out.add(new Example(intents.get(i), normalised(vectors.get(i).vector())));
        }
        this.examples = List.copyOf(out);
    }

    public Map<Intent, Double> scores(String text) {
        float[] v = normalised(model.embed(text).content().vector());
        Map<Intent, Double> best = new EnumMap<>(Intent.class);
        for (Example e : examples) {
            double sim = 0;
            for (int i = 0; i < v.length; i++) {
                sim += v[i] * e.vector[i];
            }
            best.merge(e.intent, sim, Math::max);
        }
        return best;
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }

    private record Example(Intent intent, float[] vector) {
    }
}
