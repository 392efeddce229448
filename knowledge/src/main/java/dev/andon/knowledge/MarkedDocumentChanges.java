package dev.andon.knowledge;

import dev.andon.knowledge.files.FolderWrites;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The commit point of a knowledge base used without a store (tools, benchmarks, the module's own tests): a mark file
 * forced to disk in the change's staging folder. It records nothing else; the service uses {@link AuditedDocumentChanges}.
 */
final class MarkedDocumentChanges implements DocumentChangeLog {
    static final String MARK = "COMMITTED";

    private final Path stagingRoot;

    MarkedDocumentChanges(Path stagingRoot) {
        this.stagingRoot = stagingRoot;
    }

    @Override
    public void commit(String changeId, List<DocumentEvent> events) {
        try {
            FolderWrites.writeDurably(stagingRoot.resolve(changeId).resolve(MARK), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit document change " + changeId, e);
        }
    }

    @Override
    public boolean committed(String changeId) {
        return Files.exists(stagingRoot.resolve(changeId).resolve(MARK));
    }

    @Override
    public void forgetCommitted() {
        // The marks live in the staged folders themselves and go with them.
    }
}
