package dev.andon.knowledge;

import dev.andon.core.error.ConflictException;
import dev.andon.knowledge.files.FolderWrites;
import dev.andon.knowledge.index.IndexedChunk;
import dev.andon.knowledge.index.KnowledgeIndex;
import dev.andon.knowledge.index.StoredSource;
import dev.andon.knowledge.index.StoredVersion;
import dev.andon.knowledge.index.TextEmbedder;
import dev.andon.knowledge.ingest.Chunk;
import dev.andon.knowledge.ingest.DocumentFormat;
import dev.andon.knowledge.ingest.DocumentSection;
import dev.andon.knowledge.ingest.ReadDocument;
import dev.andon.knowledge.watch.FolderSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies read documents to the index and the catalogue, keeping versions straight: a file that now holds a higher
 * version of the same document moves its old version to {@code archive/} (so the folder still holds every version and
 * a rebuild recovers them); the highest version of each document is marked current. Embeddings are computed before
 * anything is written, so a failure leaves the index as it was. Callers hold the knowledge base's write lock.
 */
final class VersionIndexer {
    static final String ARCHIVE = "archive";
    static final int MAX_EMBEDDED_CHARS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(VersionIndexer.class);

    private final KnowledgeIndex index;
    private final DocumentCatalog catalog;
    private final TextEmbedder embedder;
    private final Path documentsDir;
    private final Clock clock;
    private final AtomicLong embedded = new AtomicLong();

    VersionIndexer(KnowledgeIndex index, DocumentCatalog catalog, TextEmbedder embedder, Path documentsDir, Clock clock) {
        this.index = index;
        this.catalog = catalog;
        this.embedder = embedder;
        this.documentsDir = documentsDir;
        this.clock = clock;
    }

    long embeddedChunks() {
        return embedded.get();
    }

    /** Refuses a document whose id and version another existing file already holds. */
    void checkConflict(String file, ReadDocument doc) {
        Optional<StoredVersion> same = catalog.get(doc.metadata().id(), doc.metadata().version());
        if (same.isPresent() && !same.get().file().equals(file) && Files.exists(resolve(same.get().file()))) {
            throw new ConflictException("document " + doc.metadata().id() + " version " + doc.metadata().version()
                    + " is already in file " + same.get().file() + "; raise the version or replace that file");
        }
    }

    /** Indexes {@code doc} as the content of {@code file}; returns the versions it superseded. */
    IngestResult apply(String file, ReadDocument doc, String hash, FolderWrites writes) {
        checkConflict(file, doc);
        List<IndexedChunk> chunks = embed(doc);
        String id = doc.metadata().id();
        String version = doc.metadata().version();
        Set<String> touchedIds = new LinkedHashSet<>();
        touchedIds.add(id);
        List<String> archived = new ArrayList<>();
        for (StoredVersion previous : catalog.byFile(file)) {
            if (previous.key().equals(StoredVersion.key(id, version))) {
                continue;
            }
            // Another version of the same document, higher or lower: kept, never overwritten.
            if (previous.id().equals(id)) {
                archive(previous, writes);
                archived.add(previous.version());
            } else {
                index.delete(previous.key());
                catalog.remove(previous.key());
                touchedIds.add(previous.id());
            }
        }
        // The record names a sidecar only if one is on disk; generated metadata travels in the stored source.
        String sidecarFile = doc.sidecar() != null && Files.isRegularFile(resolve(file + DocumentFormat.SIDECAR_SUFFIX))
                ? file + DocumentFormat.SIDECAR_SUFFIX : null;
        StoredVersion stored = new StoredVersion(id, version, file, sidecarFile, hash, doc.format().name(),
                doc.metadata(), doc.sections(), chunks.size(), Instant.now(clock));
        index.upsert(stored, new StoredSource(doc.content(), doc.sidecar()), chunks, false);
        catalog.put(stored);
        touchedIds.forEach(this::markCurrent);
        boolean current = catalog.isCurrent(stored);
        List<String> superseded = new ArrayList<>(archived);
        if (current) {
            for (StoredVersion v : catalog.versions(id)) {
                if (!v.key().equals(stored.key()) && !superseded.contains(v.version())) {
                    superseded.add(v.version());
                }
            }
        }
        return new IngestResult(id, version, doc.metadata().title(), file, doc.sections().size(), chunks.size(),
                current, superseded, SectionLinks.document(id, version),
                current ? IngestResult.CURRENT : IngestResult.SUPERSEDED, !Control.controlled(stored));
    }

    /**
     * Where an upload under {@code file} goes: the file itself, unless it holds a higher version of the same document,
     * in which case the upload is an older version and goes straight to {@code archive/} (the current file stays).
     */
    String placement(String file, ReadDocument doc) {
        String id = doc.metadata().id();
        for (StoredVersion held : catalog.byFile(file)) {
            if (held.id().equals(id) && VersionOrder.compare(doc.metadata().version(), held.version()) < 0) {
                return archivePath(id, doc.metadata().version(), doc.format().extensionOf(file), doc.content());
            }
        }
        return file;
    }

    private String archivePath(String id, String version, String ext, byte[] content) {
        String base = ARCHIVE + "/" + id + "-v" + version;
        String target = base + ext;
        for (int n = 2; Files.exists(resolve(target)) && !sameContent(resolve(target), content); n++) {
            target = base + "-" + n + ext;
        }
        return target;
    }

    /** The file is gone: its versions leave the index. */
    void removeFile(String file) {
        Set<String> ids = new LinkedHashSet<>();
        for (StoredVersion v : catalog.byFile(file)) {
            index.delete(v.key());
            catalog.remove(v.key());
            ids.add(v.id());
        }
        ids.forEach(this::markCurrent);
    }

    void removeVersion(StoredVersion v) {
        index.delete(v.key());
        catalog.remove(v.key());
        markCurrent(v.id());
    }

    Path resolve(String relative) {
        Path p = documentsDir.resolve(relative).normalize();
        if (!p.startsWith(documentsDir)) {
            throw new IllegalArgumentException("path escapes the documents folder: " + relative);
        }
        return p;
    }

    private void markCurrent(String id) {
        List<StoredVersion> versions = catalog.versions(id);
        for (int i = 0; i < versions.size(); i++) {
            index.setCurrent(versions.get(i).key(), i == 0);
        }
    }

    private List<IndexedChunk> embed(ReadDocument doc) {
        Map<String, DocumentSection> sections = new HashMap<>();
        doc.sections().forEach(s -> sections.put(s.number(), s));
        List<String> texts = new ArrayList<>();
        for (Chunk c : doc.chunks()) {
            texts.add(embeddingText(doc.metadata().title(), sections.get(c.section()), c.text()));
        }
        List<float[]> vectors = embedder.embedAll(texts);
        embedded.addAndGet(vectors.size());
        List<IndexedChunk> out = new ArrayList<>();
        for (int i = 0; i < doc.chunks().size(); i++) {
            Chunk c = doc.chunks().get(i);
            out.add(new IndexedChunk(c, sections.get(c.section()), vectors.get(i)));
        }
        return out;
    }

    /** Title and headings give the model the context a bare step list lacks; Markdown markup is noise to it. */
    static String embeddingText(String title, DocumentSection section, String text) {
        String headings = section.path().contains(" › ")
                ? section.path().substring(section.path().indexOf(" › ") + 3) : section.heading();
        String clean = text.replaceAll("(?m)^\\|?\\s*:?-{3,}.*$", "")
                .replaceAll("[*_`#>|]+", " ")
                .replaceAll("[ \\t]+", " ");
        String all = title + " › " + headings + "\n" + clean.strip();
        // MiniLM reads about 256 word pieces; text past that only costs time.
        return all.length() <= MAX_EMBEDDED_CHARS ? all : all.substring(0, MAX_EMBEDDED_CHARS);
    }

    /** Writes the stored bytes of a superseded version to archive/ and points its record there. */
    private void archive(StoredVersion previous, FolderWrites writes) {
        StoredSource source = index.source(previous.key());
        if (source == null) {
            LOG.warn("no stored source for {}; superseded version dropped", previous.key());
            index.delete(previous.key());
            catalog.remove(previous.key());
            return;
        }
        String ext = DocumentFormat.valueOf(previous.format()).extensionOf(previous.file());
        String target = archivePath(previous.id(), previous.version(), ext, source.content());
        String sidecarTarget = source.sidecar() == null ? null : target + DocumentFormat.SIDECAR_SUFFIX;
        try {
            if (sidecarTarget != null) {
                writes.write(resolve(sidecarTarget), source.sidecar());
            }
            writes.write(resolve(target), source.content());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + previous.key() + " to " + target, e);
        }
        StoredVersion moved = previous.movedTo(target, sidecarTarget);
        // The hash must match what the archive file now holds, or the next scan would re-read it needlessly.
        moved = new StoredVersion(moved.id(), moved.version(), moved.file(), moved.sidecarFile(),
                FolderSnapshot.hash(source.content(), source.sidecar()), moved.format(), moved.metadata(),
                moved.sections(), moved.chunkCount(), moved.indexedAt());
        index.updateRecord(moved, source, false);
        catalog.put(moved);
        LOG.info("{} version {} superseded; kept as {}", previous.id(), previous.version(), target);
    }

    private static boolean sameContent(Path p, byte[] content) {
        try {
            return Arrays.equals(Files.readAllBytes(p), content);
        } catch (IOException e) {
            return false;
        }
    }
}
