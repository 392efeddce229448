package dev.andon.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * For /health: {@code up} is false only when the index cannot serve; failed ingests make the status "DEGRADED" and are
 * listed with their problems. {@code embeddedChunks} counts embeddings computed since start (0 after a restart with
 * unchanged documents).
 */
public record KnowledgeHealth(boolean up, String status, int documents, int versions, int chunks, long embeddedChunks,
                              List<IngestFailure> failedIngests, Instant lastScan, boolean watching,
                              String documentsDir, String indexDir, long indexBytes, String error) {
}
