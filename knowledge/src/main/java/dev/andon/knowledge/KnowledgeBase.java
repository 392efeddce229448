package dev.andon.knowledge;

import dev.andon.core.error.ConflictException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.PayloadTooLargeException;
import dev.andon.knowledge.index.HybridSearcher;
import dev.andon.knowledge.index.KnowledgeIndex;
import dev.andon.knowledge.index.LanguageAnalyzers;
import dev.andon.knowledge.index.MiniLmEmbedder;
import dev.andon.knowledge.index.SearchMode;
import dev.andon.knowledge.index.StoredVersion;
import dev.andon.knowledge.index.TextEmbedder;
import dev.andon.knowledge.ingest.Chunker;
import dev.andon.knowledge.ingest.DocumentFormat;
import dev.andon.knowledge.ingest.DocumentReader;
import dev.andon.knowledge.ingest.LanguageDetector;
import dev.andon.knowledge.ingest.MetadataReader;
import dev.andon.knowledge.ingest.PdfParser;
import dev.andon.knowledge.ingest.ReadDocument;
import dev.andon.knowledge.ingest.UploadName;
import dev.andon.knowledge.watch.FolderSnapshot;
import dev.andon.knowledge.watch.PollingWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The knowledge base: a folder of controlled documents (the single source of truth) and the Lucene index built from
 * it. Searches run concurrently on near-real-time searchers; everything that changes the index (uploads, deletes,
 * folder scans, rebuilds) is serialised by one write lock. Uploaded files are written into the folder, so the folder
 * always holds everything the index knows.
 */
public final class KnowledgeBase implements KnowledgeSearch, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

    private final Path documentsDir;
    private final Path indexDir;
    private final KnowledgeOptions options;
    private final KnowledgeIndex index;
    private final DocumentCatalog catalog;
    private final DocumentReader reader;
    private final VersionIndexer indexer;
    private final FolderSync sync;
    private final HybridSearcher searcher;
    private final DocumentViews views;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** What readers see: the catalogue as of the last commit. */
    private volatile DocumentCatalog published;
    private volatile PollingWatcher watcher;
    private volatile Instant lastScan;
    private volatile boolean closed;

    private KnowledgeBase(Path documentsDir, Path indexDir, KnowledgeOptions options, TextEmbedder embedder,
                          KnowledgeIndex index) {
        this.documentsDir = documentsDir;
        this.indexDir = indexDir;
        this.options = options;
        this.index = index;
        this.catalog = new DocumentCatalog();
        this.reader = new DocumentReader(
                new MetadataReader(options.knownRoles(), options.knownLines(), options.knownStations()),
                new LanguageDetector(options.defaultLanguage()), new Chunker(options.maxChunkChars()),
                new PdfParser(options.maxPdfPages(), options.maxExtractedChars(), options.maxPdfDecodedBytes()),
                options.maxFileBytes());
        this.indexer = new VersionIndexer(index, catalog, embedder, documentsDir, options.clock());
        this.sync = new FolderSync(new FolderSnapshot(documentsDir), reader, indexer, catalog, options.maxFileBytes(),
                options.clock());
        this.searcher = new HybridSearcher(index, embedder, options.fusion());
        this.views = new DocumentViews(options.clock());
        this.published = catalog.snapshot();
    }

    /** Commits the index and publishes the matching catalogue to readers. Called under the write lock. */
    private void commit() {
        index.commit();
        published = catalog.snapshot();
        sync.publishFailures();
    }

    /** Opens with default limits and the in-process MiniLM model. */
    public static KnowledgeBase open(Path documentsDir, Path indexDir) {
        return open(documentsDir, indexDir, KnowledgeOptions.defaults());
    }

    /**
     * Opens the index in {@code indexDir} (created if missing) and brings it in line with {@code documentsDir}
     * (created if missing): unchanged documents are not read or embedded again. Call {@link #startWatching()} to keep
     * following the folder.
     */
    public static KnowledgeBase open(Path documentsDir, Path indexDir, KnowledgeOptions options) {
        Path docs = documentsDir.toAbsolutePath().normalize();
        Path idx = indexDir.toAbsolutePath().normalize();
        if (idx.startsWith(docs)) {
            throw new IllegalArgumentException("the index folder " + idx + " must not be inside the documents folder " + docs);
        }
        try {
            Files.createDirectories(docs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create documents folder " + docs, e);
        }
        TextEmbedder embedder = options.embedder() != null ? options.embedder() : new MiniLmEmbedder();
        KnowledgeIndex index = KnowledgeIndex.open(idx, new LanguageAnalyzers(), embedder.modelId(),
                options.refreshInterval(), options.ramBufferMb());
        KnowledgeBase kb = new KnowledgeBase(docs, idx, options, embedder, index);
        try {
            index.versions().forEach(kb.catalog::put);
            kb.published = kb.catalog.snapshot();
            kb.scanNow();
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        LOG.info("knowledge base open: {} documents ({} versions) from {}, index {}", kb.published.currentVersions().size(),
                kb.published.versionCount(), docs, idx);
        return kb;
    }

    /** Follows the documents folder from now on: new/changed files are indexed, deleted ones removed. */
    public KnowledgeBase startWatching() {
        if (watcher == null && !closed) {
            watcher = new PollingWatcher(this::scanQuietly, options.pollInterval());
        }
        return this;
    }

    /** Brings the index in line with the folder now (what the watcher does periodically). */
    public void scanNow() {
        writeLock.lock();
        try {
            ensureOpen();
            FolderSync.Outcome outcome = sync.scan();
            if (outcome.changed()) {
                commit();
            } else {
                sync.publishFailures();
            }
            lastScan = Instant.now(options.clock());
        } finally {
            writeLock.unlock();
        }
    }

    private void scanQuietly() {
        if (!closed) {
            scanNow();
        }
    }

    // ---------------------------------------------------------------- search and read

    /** Hybrid search (BM25 + vectors, fused), current versions only. */
    @Override
    public List<SearchHit> search(SearchRequest request) {
        return search(request, SearchMode.HYBRID);
    }

    /** Search with one retriever only, or both; used by the evaluation to compare them. */
    public List<SearchHit> search(SearchRequest request, SearchMode mode) {
        ensureOpen();
        return searcher.search(request, mode);
    }

    @Override
    public Optional<Section> section(String documentId, String section) {
        return published.current(documentId).flatMap(v -> views.section(v, section));
    }

    /** A section of a named version (superseded ones included); a null version means the current one. */
    public Optional<Section> section(String documentId, String section, String version) {
        if (version == null || version.isBlank()) {
            return section(documentId, section);
        }
        return published.get(documentId, version.strip()).flatMap(v -> views.section(v, section));
    }

    /** Like {@link #section(String, String, String)}, for the API: throws {@link NotFoundException} naming what is missing. */
    public Section requireSection(String documentId, String section, String version) {
        StoredVersion v = version(published, documentId, version);
        return views.section(v, section).orElseThrow(() -> new NotFoundException("section",
                documentId + " " + v.version() + " §" + section));
    }

    @Override
    public List<DocumentInfo> documents() {
        return published.currentVersions().stream().map(views::info).toList();
    }

    /** The current version with its sections and the version history. */
    public DocumentDetail document(String documentId) {
        return documentVersion(documentId, null);
    }

    /** A named version (current or superseded) with its sections and the version history. */
    public DocumentDetail documentVersion(String documentId, String version) {
        DocumentCatalog view = published;
        StoredVersion v = version(view, documentId, version);
        return views.detail(v, view.versions(documentId), view.current(documentId).orElseThrow());
    }

    private static StoredVersion version(DocumentCatalog catalog, String documentId, String version) {
        if (version == null || version.isBlank()) {
            return catalog.current(documentId).orElseThrow(() -> new NotFoundException("document", documentId));
        }
        if (catalog.current(documentId).isEmpty()) {
            throw new NotFoundException("document", documentId);
        }
        return catalog.get(documentId, version.strip())
                .orElseThrow(() -> new NotFoundException("document version", documentId + " " + version));
    }

    // ---------------------------------------------------------------- write

    /** Upload of a document file (a PDF's sidecar must already be in the folder, or use the three-argument form). */
    public IngestResult ingest(String filename, byte[] content) {
        return ingest(filename, content, null);
    }

    /**
     * Uploads a document: validated completely, then written into the documents folder and indexed. Uploading
     * {@code x.pdf.meta.yaml} alone replaces the sidecar of an existing {@code x.pdf}. A higher version of a
     * document under the same file name supersedes the old one, which is kept under {@code archive/}.
     *
     * @throws InvalidInputException   bad file name, unsupported type, empty file, unreadable/encrypted PDF, bad metadata
     * @throws PayloadTooLargeException file over {@link KnowledgeOptions#maxFileBytes()}
     * @throws ConflictException       the file name holds another document, or the id+version is in another file
     */
    public IngestResult ingest(String filename, byte[] content, byte[] sidecar) {
        String name = UploadName.require(filename);
        if (content == null) {
            throw new InvalidInputException("file", name + ": no content");
        }
        if (content.length > options.maxFileBytes()) {
            throw new PayloadTooLargeException("file " + name + " (" + content.length + " bytes)", options.maxFileBytes());
        }
        if (DocumentFormat.isSidecar(name)) {
            return ingestSidecar(name, content);
        }
        if (DocumentFormat.of(name).isEmpty()) {
            throw new InvalidInputException("file", name + ": unsupported file type; supported: " + DocumentFormat.SUPPORTED
                    + " (and " + DocumentFormat.SIDECAR_SUFFIX + " sidecars)");
        }
        writeLock.lock();
        try {
            ensureOpen();
            Path target = indexer.resolve(name);
            Path sidecarPath = indexer.resolve(name + DocumentFormat.SIDECAR_SUFFIX);
            byte[] effectiveSidecar = sidecar != null ? sidecar : readIfExists(sidecarPath);
            ReadDocument doc = reader.read(name, content, effectiveSidecar);
            return store(name, doc, target, sidecar != null ? sidecarPath : null);
        } finally {
            writeLock.unlock();
        }
    }

    private IngestResult ingestSidecar(String name, byte[] sidecar) {
        String documentName = name.substring(0, name.length() - DocumentFormat.SIDECAR_SUFFIX.length());
        writeLock.lock();
        try {
            ensureOpen();
            Path target = indexer.resolve(documentName);
            byte[] content = readIfExists(target);
            if (content == null) {
                throw new InvalidInputException("file", name + ": there is no document " + documentName
                        + " for this sidecar; upload the document together with its sidecar");
            }
            ReadDocument doc = reader.read(documentName, content, sidecar);
            return store(documentName, doc, target, indexer.resolve(name));
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes the document (and sidecar) into the folder and indexes it; on any failure the old files come back. */
    private IngestResult store(String name, ReadDocument doc, Path target, Path sidecarTarget) {
        for (StoredVersion existing : catalog.byFile(name)) {
            if (!existing.id().equals(doc.metadata().id())) {
                throw new ConflictException("file " + name + " already holds document " + existing.id()
                        + "; delete " + existing.id() + " first or upload under another file name");
            }
        }
        indexer.checkConflict(name, doc);
        byte[] oldContent = readIfExists(target);
        byte[] oldSidecar = sidecarTarget == null ? null : readIfExists(sidecarTarget);
        try {
            if (sidecarTarget != null) {
                VersionIndexer.writeAtomically(sidecarTarget, doc.sidecar());
            }
            VersionIndexer.writeAtomically(target, doc.content());
        } catch (IOException e) {
            restore(target, oldContent, sidecarTarget, oldSidecar);
            throw new UncheckedIOException("cannot write " + target, e);
        }
        try {
            IngestResult result = indexer.apply(name, doc, FolderSnapshot.hash(doc.content(), doc.sidecar()));
            sync.forget(name);
            commit();
            LOG.info("uploaded {} as {} version {}", name, result.documentId(), result.version());
            return result;
        } catch (RuntimeException e) {
            restore(target, oldContent, sidecarTarget, oldSidecar);
            throw e;
        }
    }

    private static void restore(Path target, byte[] oldContent, Path sidecarTarget, byte[] oldSidecar) {
        try {
            if (oldContent == null) {
                Files.deleteIfExists(target);
            } else {
                VersionIndexer.writeAtomically(target, oldContent);
            }
            if (sidecarTarget != null) {
                if (oldSidecar == null) {
                    Files.deleteIfExists(sidecarTarget);
                } else {
                    VersionIndexer.writeAtomically(sidecarTarget, oldSidecar);
                }
            }
        } catch (IOException e) {
            LOG.error("could not restore {} after a failed upload", target, e);
        }
    }

    /** Deletes a document, every version of it: its files leave the folder and its chunks the index. */
    public void delete(String documentId) {
        writeLock.lock();
        try {
            ensureOpen();
            List<StoredVersion> versions = catalog.versions(documentId);
            if (versions.isEmpty()) {
                throw new NotFoundException("document", documentId);
            }
            versions.forEach(this::deleteFiles);
            versions.forEach(indexer::removeVersion);
            commit();
            LOG.info("deleted document {} ({} versions)", documentId, versions.size());
        } finally {
            writeLock.unlock();
        }
    }

    /** Deletes one version; if it was current, the next highest version becomes current. */
    public void deleteVersion(String documentId, String version) {
        writeLock.lock();
        try {
            ensureOpen();
            StoredVersion v = version(catalog, documentId, version);
            deleteFiles(v);
            indexer.removeVersion(v);
            commit();
        } finally {
            writeLock.unlock();
        }
    }

    private void deleteFiles(StoredVersion v) {
        try {
            Files.deleteIfExists(indexer.resolve(v.file()));
            if (v.sidecarFile() != null) {
                Files.deleteIfExists(indexer.resolve(v.sidecarFile()));
            }
            sync.forget(v.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + v.file(), e);
        }
    }

    /** Recreates the index from the documents folder (every document read and embedded again). */
    public RebuildReport rebuild() {
        long start = System.nanoTime();
        writeLock.lock();
        try {
            ensureOpen();
            // Searches keep answering from the old index until the new one is committed.
            index.pauseRefresh();
            index.deleteAll();
            catalog.clear();
            sync.reset();
            sync.scan();
            commit();
            lastScan = Instant.now(options.clock());
            RebuildReport report = new RebuildReport(published.currentVersions().size(), published.versionCount(),
                    index.chunkCount(), sync.failures(), (System.nanoTime() - start) / 1_000_000);
            LOG.info("knowledge index rebuilt: {}", report);
            return report;
        } finally {
            writeLock.unlock();
        }
    }

    public KnowledgeHealth health() {
        boolean up = !closed && index.isOpen();
        List<IngestFailure> failures = up ? sync.failures() : List.of();
        String status = !up ? "DOWN" : failures.isEmpty() ? "UP" : "DEGRADED";
        int chunks = up ? index.chunkCount() : 0;
        DocumentCatalog view = published;
        return new KnowledgeHealth(up, status, view.currentVersions().size(), view.versionCount(), chunks,
                indexer.embeddedChunks(), failures, lastScan, watcher != null, documentsDir.toString(),
                indexDir.toString(), up ? index.sizeOnDiskBytes() : 0, up ? null : "knowledge base is closed");
    }

    /** Failed ingests of files in the folder, for /health and the UI. */
    public List<IngestFailure> failedIngests() {
        return sync.failures();
    }

    public Path documentsDir() {
        return documentsDir;
    }

    private static byte[] readIfExists(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("knowledge base is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        PollingWatcher w = watcher;
        if (w != null) {
            w.close();
        }
        writeLock.lock();
        try {
            closed = true;
            index.close();
        } finally {
            writeLock.unlock();
        }
    }

    List<StoredVersion> allVersions() {
        DocumentCatalog view = published;
        List<StoredVersion> out = new ArrayList<>();
        view.currentVersions().forEach(v -> out.addAll(view.versions(v.id())));
        return out;
    }
}
