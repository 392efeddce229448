package dev.andon.knowledge;

import java.util.List;

/** The outcome of recreating the index from the documents folder. */
public record RebuildReport(int documents, int versions, int chunks, List<IngestFailure> failedIngests, long millis) {
}
