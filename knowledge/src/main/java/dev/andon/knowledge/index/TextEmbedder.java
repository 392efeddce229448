package dev.andon.knowledge.index;

import java.util.List;

/** Turns text into a dense vector for semantic search. Implementations must be thread-safe. */
public interface TextEmbedder {
    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);

    int dimension();

    /** Stored with the index: a different model means the vectors must be recomputed. */
    String modelId();
}
