package dev.andon.knowledge;

import java.nio.file.Path;

/**
 * Recreates a knowledge index from its documents folder, from the command line (the service must be stopped, since
 * Lucene allows one writer per index):
 * {@code java -cp <classpath> dev.andon.knowledge.RebuildCommand <documentsDir> <indexDir>}
 */
public final class RebuildCommand {
    private RebuildCommand() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: RebuildCommand <documentsDir> <indexDir>");
            System.exit(2);
        }
        try (KnowledgeBase kb = KnowledgeBase.open(Path.of(args[0]), Path.of(args[1]))) {
            RebuildReport report = kb.rebuild();
            System.out.printf("rebuilt %s: %d documents, %d versions, %d chunks in %d ms%n", args[1],
                    report.documents(), report.versions(), report.chunks(), report.millis());
            for (IngestFailure f : report.failedIngests()) {
                System.out.println("  not indexed: " + f.file() + " " + f.problems());
            }
            if (!report.failedIngests().isEmpty()) {
                System.exit(1);
            }
        }
    }
}
