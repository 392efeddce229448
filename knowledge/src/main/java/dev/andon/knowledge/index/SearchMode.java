package dev.andon.knowledge.index;

/** Which retrievers answer a query: words (BM25), meaning (vectors), or both fused. */
public enum SearchMode {
    BM25, VECTOR, HYBRID
}
