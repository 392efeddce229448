package dev.andon.knowledge.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.List;

/** The in-process all-MiniLM-L6-v2 (quantised) model: 384 dimensions, about a millisecond per sentence, no network. */
public final class MiniLmEmbedder implements TextEmbedder {
    private final EmbeddingModel model;

    public MiniLmEmbedder() {
        this(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    public MiniLmEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public String modelId() {
        return "all-minilm-l6-v2-q";
    }
}
