package dev.andon.knowledge;

import dev.andon.core.error.ConflictException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.PayloadTooLargeException;
import dev.andon.core.error.Problem;
import dev.andon.knowledge.index.StoredVersion;
import dev.andon.knowledge.ingest.ReadDocument;
import dev.andon.knowledge.ingest.DocumentReader;
import dev.andon.knowledge.watch.FolderSnapshot;
import dev.andon.knowledge.watch.WatchedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brings the index in line with the documents folder: new or changed files are (re)indexed, files gone are removed.
 * A file that fails is recorded with its hash and its problems and left alone until its content changes. Callers hold
 * the knowledge base's write lock.
 */
final class FolderSync {
    private static final Logger LOG = LoggerFactory.getLogger(FolderSync.class);

    /** A failure and the content it was about; a conflict may clear up when another file changes. */
    private record Failed(IngestFailure failure, String hash, boolean conflict) {
    }

    /** How many files a scan indexed and removed; zero and zero means nothing changed. */
    record Outcome(int indexed, int removed) {
        boolean changed() {
            return indexed + removed > 0;
        }
    }

    private final FolderSnapshot snapshot;
    private final DocumentReader reader;
    private final VersionIndexer indexer;
    private final DocumentCatalog catalog;
    private final long maxFileBytes;
    private final Clock clock;
    private final Map<String, Failed> failures = new ConcurrentHashMap<>();
    private volatile List<IngestFailure> published = List.of();
    /** What the running scan indexed, so the knowledge base can publish an event per file. */
    private final List<IngestResult> indexedNow = new ArrayList<>();

    FolderSync(FolderSnapshot snapshot, DocumentReader reader, VersionIndexer indexer, DocumentCatalog catalog,
               long maxFileBytes, Clock clock) {
        this.snapshot = snapshot;
        this.reader = reader;
        this.indexer = indexer;
        this.catalog = catalog;
        this.maxFileBytes = maxFileBytes;
        this.clock = clock;
    }

    /** What the last scan indexed (documents placed in the folder by hand), drained by the caller. */
    List<IngestResult> drainIndexed() {
        List<IngestResult> out = List.copyOf(indexedNow);
        indexedNow.clear();
        return out;
    }

    Outcome scan(dev.andon.knowledge.files.FolderWrites writes) {
        indexedNow.clear();
        List<WatchedFile> files = snapshot.list();
        Set<String> present = new HashSet<>();
        files.forEach(f -> present.add(f.relativePath()));
        int removed = 0;
        for (String file : catalog.files()) {
            if (!present.contains(file)) {
                indexer.removeFile(file);
                removed++;
                LOG.info("knowledge document file {} removed from the index", file);
            }
        }
        failures.keySet().retainAll(present);
        if (removed > 0) {
            failures.values().removeIf(Failed::conflict);
        }
        // Archived versions first, so a current file never meets its own history as a "conflict".
        files.sort(Comparator.comparing((WatchedFile f) -> !f.relativePath().startsWith(VersionIndexer.ARCHIVE + "/"))
                .thenComparing(WatchedFile::relativePath));
        int indexed = 0;
        for (WatchedFile f : files) {
            if (isIndexed(f)) {
                continue;
            }
            Failed failed = failures.get(f.relativePath());
            if (failed != null && failed.hash().equals(f.hash())) {
                continue;
            }
            if (ingest(f, writes)) {
                indexed++;
            }
        }
        return new Outcome(indexed, removed);
    }

    private boolean isIndexed(WatchedFile f) {
        for (StoredVersion v : catalog.byFile(f.relativePath())) {
            if (v.hash().equals(f.hash())) {
                return true;
            }
        }
        return false;
    }

    private boolean ingest(WatchedFile f, dev.andon.knowledge.files.FolderWrites writes) {
        String name = f.path().getFileName().toString();
        try {
            if (f.size() > maxFileBytes) {
                throw new PayloadTooLargeException("file " + f.relativePath() + " (" + f.size() + " bytes)", maxFileBytes);
            }
            byte[] content = Files.readAllBytes(f.path());
            byte[] sidecar = f.sidecar() == null ? null : Files.readAllBytes(f.sidecar());
            String rel = f.relativePath();
            String folder = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
            ReadDocument doc = reader.read(name, folder, content, sidecar, java.util.Map.of());
            IngestResult result = indexer.apply(f.relativePath(), doc, f.hash(), writes);
            failures.remove(f.relativePath());
            indexedNow.add(result);
            LOG.info("indexed {} as {} version {} ({} chunks)", f.relativePath(), result.documentId(), result.version(),
                    result.chunks());
            return true;
        } catch (InvalidInputException e) {
            fail(f, e.problems(), false);
        } catch (ConflictException e) {
            fail(f, List.of(new Problem("id", e.getMessage())), true);
        } catch (PayloadTooLargeException e) {
            fail(f, List.of(new Problem("file", e.getMessage())), false);
        } catch (IOException | RuntimeException e) {
            fail(f, List.of(new Problem("file", f.relativePath() + ": " + e)), false);
        }
        return false;
    }

    private void fail(WatchedFile f, List<Problem> problems, boolean conflict) {
        IngestFailure failure = new IngestFailure(f.relativePath(), problems, Instant.now(clock));
        failures.put(f.relativePath(), new Failed(failure, f.hash(), conflict));
        LOG.warn("knowledge document {} was not indexed: {}", f.relativePath(), problems);
    }

    /** Failures as of the last published scan (what /health shows). */
    List<IngestFailure> failures() {
        return published;
    }

    void publishFailures() {
        List<IngestFailure> out = new ArrayList<>();
        failures.values().forEach(f -> out.add(f.failure()));
        out.sort(Comparator.comparing(IngestFailure::file));
        published = List.copyOf(out);
    }

    void forget(String file) {
        failures.remove(file);
    }

    void reset() {
        failures.clear();
        snapshot.forget();
    }
}
