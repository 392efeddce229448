package dev.andon.knowledge;

import dev.andon.core.error.Problem;

import java.util.List;

/**
 * What a bulk import did, file by file: {@code status} is {@code current} / {@code superseded} (indexed),
 * {@code draft} (a controlled document's new version, waiting for approval) or {@code refused} with the problems.
 * A refused file changes nothing; the others are imported whatever happened to their neighbours.
 */
public record ImportReport(String source, int indexed, int drafts, int refused, List<Item> files) {
    public record Item(String file, String status, String documentId, String version, boolean uncontrolled,
                       List<Problem> problems) {
    }

    public static ImportReport of(String source, List<Item> files) {
        int indexed = (int) files.stream().filter(f -> f.status().equals(IngestResult.CURRENT)
                || f.status().equals(IngestResult.SUPERSEDED)).count();
        int drafts = (int) files.stream().filter(f -> f.status().equals(IngestResult.DRAFT)).count();
        return new ImportReport(source, indexed, drafts, files.size() - indexed - drafts, List.copyOf(files));
    }
}
