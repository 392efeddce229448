package dev.andon.knowledge;

import dev.andon.core.error.ConflictException;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.knowledge.ingest.ImportSource;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.PayloadTooLargeException;
import dev.andon.knowledge.index.HybridSearcher;
import dev.andon.knowledge.index.KnowledgeIndex;
import dev.andon.knowledge.index.LanguageAnalyzers;
import dev.andon.knowledge.index.MiniLmEmbedder;
import dev.andon.knowledge.index.SearchMode;
import dev.andon.knowledge.files.FolderTransaction;
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
import dev.andon.core.schedule.BackgroundScheduler;
import dev.andon.core.schedule.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The knowledge base: a folder of plant documents (the single source of truth) and the Lucene index built from
 * it. Searches run concurrently on near-real-time searchers; everything that changes the index (uploads, deletes,
 * folder scans, rebuilds) is serialised by one write lock. Uploaded files are written into the folder, so the folder
 * always holds everything the index knows.
 */
public final class KnowledgeBase implements KnowledgeSearch, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);
    /** The actor of changes made through the folder itself (files placed there, trusted {@link #ingest} calls). */
    public static final String FOLDER_ACTOR = "system:folder";
    /** Undo data of document changes under way, inside the documents folder so renames stay on one file system. */
    static final String STAGING = ".changes";
    private static final Principal FOLDER = Principal.system("folder");

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
    private final PermissionPolicy policy;
    private final DraftStore drafts;
    private final ImportSource importer;
    private final List<DocumentEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final DocumentChangeLog changeLog;
    private final Path staging;
    /** What readers see: the catalogue as of the last commit. */
    private volatile DocumentCatalog published;
    /** The node's one scheduler (or the knowledge base's own, closed with it) runs the folder scan and index refresh. */
    private final Scheduler scheduler;
    private final boolean ownScheduler;
    private final Scheduler.Task refreshTask;
    private volatile Scheduler.Task watcher;
    private volatile Instant lastScan;
    private volatile boolean closed;
    /** Files written by changes that committed just before a crash: the first scan indexes them without a new record. */
    private java.util.Set<String> recordedBeforeCrash = java.util.Set.of();

    private KnowledgeBase(Path documentsDir, Path indexDir, KnowledgeOptions options, TextEmbedder embedder,
                          KnowledgeIndex index, DocumentChangeLog changeLog) {
        this.documentsDir = documentsDir;
        this.changeLog = changeLog;
        this.staging = documentsDir.resolve(STAGING);
        this.indexDir = indexDir;
        this.options = options;
        this.index = index;
        this.catalog = new DocumentCatalog();
        this.reader = new DocumentReader(
                new MetadataReader(options.knownRoles(), options.knownLines(), options.knownStations()),
                new LanguageDetector(options.defaultLanguage()), new Chunker(options.maxChunkChars()),
                new PdfParser(options.maxPdfPages(), options.maxExtractedChars(), options.maxPdfDecodedBytes(),
                        options.maxParseMillis()),
                options.maxFileBytes(), options.metadataDefaults());
        this.policy = options.permissions();
        this.drafts = new DraftStore(documentsDir);
        this.importer = new ImportSource(options.maxFileBytes(), options.maxImportBytes(), options.maxImportEntries());
        this.indexer = new VersionIndexer(index, catalog, embedder, documentsDir, options.clock());
        this.sync = new FolderSync(new FolderSnapshot(documentsDir), reader, indexer, catalog, options.maxFileBytes(),
                options.clock());
        this.searcher = new HybridSearcher(index, embedder, options.fusion(), options.floorWords());
        this.views = new DocumentViews(options.clock());
        this.published = catalog.snapshot();
        this.ownScheduler = options.scheduler() == null;
        this.scheduler = ownScheduler ? new BackgroundScheduler(1) : options.scheduler();
        this.refreshTask = index.refreshOn(scheduler, options.refreshInterval());
    }

    /** Commits the index and publishes the matching catalogue to readers. Called under the write lock. */
    private void commit() {
        index.commit();
        published = catalog.snapshot();
        sync.publishFailures();
    }

    /** One change under way: its undoable file writes, the events it will record, whether the index was written. */
    private static final class Change {
        final FolderTransaction tx;
        final List<DocumentEvent> events = new ArrayList<>();
        /** The index may hold uncommitted writes of this change (so undoing it rolls the index back). */
        boolean indexWritten;
        /** The index changed and must be committed (a scan that found nothing new leaves it alone). */
        boolean indexChanged;

        Change(FolderTransaction tx) {
            this.tx = tx;
        }

        void writingIndex() {
            indexWritten = true;
            indexChanged = true;
        }
    }

    /**
     * Runs one change to the documents as a transaction whose commit point is the change log (in the service: the
     * audit records and a commit mark in one write of the store). Files are written through the change's undo log
     * and the index is not committed until then; if anything fails before the commit point, the files, the index,
     * the catalogue and the drafts are put back as they were, and after a crash {@link #open} does the same. Listeners
     * hear the events only once the change is committed. Called under the write lock.
     */
    private <T> T change(java.util.function.Function<Change, T> body) {
        ensureOpen();
        Change c = new Change(FolderTransaction.begin(documentsDir, staging));
        // Readers keep the last committed view while the change is written.
        index.pauseRefresh();
        T result;
        try {
            result = body.apply(c);
            if (c.tx.touched() || !c.events.isEmpty()) {
                changeLog.commit(c.tx.id(), List.copyOf(c.events));
            }
        } catch (RuntimeException | Error e) {
            undo(c, e);
            throw e;
        }
        try {
            c.tx.finish();
        } catch (RuntimeException e) {
            LOG.warn("document change {} is committed but its undo data stays until the next start: {}", c.tx.id(),
                    e.getMessage());
        }
        if (c.indexChanged || !c.events.isEmpty()) {
            commit();
        } else {
            index.resumeRefresh();
            sync.publishFailures();
        }
        c.events.forEach(this::tell);
        return result;
    }

    private void undo(Change c, Throwable cause) {
        try {
            if (c.tx.touched()) {
                c.tx.rollback();
                drafts.reload();
            }
            if (c.indexWritten) {
                index.rollback();
                catalog.clear();
                index.versions().forEach(catalog::put);
            } else {
                index.resumeRefresh();
            }
            if (c.tx.touched() || c.indexWritten) {
                LOG.warn("document change {} was undone: {}", c.tx.id(), cause.toString());
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.error("could not undo document change {}; the next start puts its files back", c.tx.id(), e);
        }
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
        return open(documentsDir, indexDir, options, null);
    }

    /**
     * As {@link #open(Path, Path, KnowledgeOptions)}, committing each document change through {@code changeLog} (the
     * service's audit trail); null keeps a commit mark on disk beside the change instead. Changes a crash interrupted
     * are first finished (committed) or put back (not committed).
     */
    public static KnowledgeBase open(Path documentsDir, Path indexDir, KnowledgeOptions options,
                                     DocumentChangeLog changeLog) {
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
        Path staging = docs.resolve(STAGING);
        DocumentChangeLog log = changeLog != null ? changeLog : new MarkedDocumentChanges(staging);
        FolderTransaction.Recovery recovery = FolderTransaction.recover(docs, staging, log::committed);
        if (!recovery.undone().isEmpty()) {
            LOG.warn("{} document change(s) interrupted before their commit were put back: {}", recovery.undone().size(),
                    recovery.undone());
        }
        log.forgetCommitted();
        TextEmbedder embedder = options.embedder() != null ? options.embedder() : new MiniLmEmbedder();
        KnowledgeIndex index = KnowledgeIndex.open(idx, new LanguageAnalyzers(), embedder.modelId(),
                options.ramBufferMb());
        KnowledgeBase kb = new KnowledgeBase(docs, idx, options, embedder, index, log);
        kb.recordedBeforeCrash = recovery.committedFiles();
        try {
            index.versions().forEach(kb.catalog::put);
            kb.published = kb.catalog.snapshot();
            kb.scanNow();
        } catch (RuntimeException e) {
            kb.close();
            throw e;
        }
        LOG.info("knowledge base open: {} documents ({} versions) from {}, index {}", kb.published.currentVersions().size(),
                kb.published.versionCount(), docs, idx);
        return kb;
    }

    /** Follows the documents folder from now on: new/changed files are indexed, deleted ones removed. */
    public KnowledgeBase startWatching() {
        if (watcher == null && !closed) {
            // Polling with content hashes rather than WatchService: it behaves the same on every file system (network
            // shares and container mounts drop inotify events) and a missed event can never leave the index stale.
            Duration every = options.pollInterval().toMillis() < 50 ? Duration.ofMillis(50) : options.pollInterval();
            watcher = scheduler.every("knowledge-folder-scan", every, every, this::scanQuietly);
        }
        return this;
    }

    /** Brings the index in line with the folder now (what the watcher does periodically). */
    public void scanNow() {
        writeLock.lock();
        try {
            change(c -> {
                c.indexWritten = true;
                FolderSync.Outcome outcome = sync.scan(c.tx);
                c.indexChanged = outcome.changed();
                for (IngestResult r : sync.drainIndexed()) {
                    if (!recordedBeforeCrash.contains(r.file())) {
                        publish(c, DocumentEvent.Kind.UPLOADED, r.documentId(), r.version(), null, Optional.empty(), r.file());
                    }
                }
                recordedBeforeCrash = java.util.Set.of();
                return outcome;
            });
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
        DocumentCatalog view = published;
        // The retriever knows chunks; whether a document is under control is the catalogue's to say.
        return searcher.search(request, mode).stream()
                .map(h -> h.withUncontrolled(view.get(h.documentId(), h.version()).map(v -> !Control.controlled(v)).orElse(false)))
                .toList();
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

    /**
     * Adds a document as if its file had been placed in the documents folder: no principal, no approval. For
     * installers, tools and tests that act with the folder's own authority; requests from people go through
     * {@link #upload(Principal, DocumentUpload)}.
     */
    public IngestResult ingest(String filename, byte[] content) {
        return ingest(filename, content, null);
    }

    /** Like {@link #ingest(String, byte[])}, with the document's sidecar (or a sidecar alone for an existing file). */
    public IngestResult ingest(String filename, byte[] content, byte[] sidecar) {
        String name = UploadName.require(filename);
        checkSize(name, content);
        writeLock.lock();
        try {
            return change(c -> submit(c, null, name, content, sidecar, Map.of()));
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Uploads a document on behalf of {@code actor} (needs {@code documents:upload}). Validated completely first; a
     * document without metadata gets defaults and is uncontrolled. A new version of a controlled document (one with an
     * owner, or safety-critical, now or in the upload) becomes a <em>draft</em>: kept, never searched or cited, until
     * someone else with its owner role {@linkplain #approve approves} it. Any other upload is indexed at once: the
     * highest version is current whatever the order of uploads, and every version is kept ({@code archive/}).
     *
     * @throws ForbiddenException      the actor may not upload documents
     * @throws InvalidInputException   bad file name, unsupported type, empty file, unreadable PDF, bad metadata
     * @throws PayloadTooLargeException file over {@link KnowledgeOptions#maxFileBytes()}
     * @throws ConflictException       the file name holds another document, or the id+version is in another file
     */
    public IngestResult upload(Principal actor, DocumentUpload upload) {
        policy.require(actor, Action.DOCUMENTS_UPLOAD, null);
        String name = UploadName.require(upload.fileName());
        checkSize(name, upload.content());
        writeLock.lock();
        try {
            return change(c -> submit(c, actor, name, upload.content(), upload.sidecar(), upload.fields()));
        } finally {
            writeLock.unlock();
        }
    }

    private void checkSize(String name, byte[] content) {
        if (content == null) {
            throw new InvalidInputException("file", name + ": no content");
        }
        if (content.length > options.maxFileBytes()) {
            throw new PayloadTooLargeException("file " + name + " (" + content.length + " bytes)", options.maxFileBytes());
        }
    }

    /**
     * One document into the knowledge base, under the write lock. {@code actor} null: trusted (the folder's authority),
     * never a draft. {@code file} is the path relative to the documents folder ('/'-separated, already validated).
     */
    private IngestResult submit(Change c, Principal actor, String file, byte[] content, byte[] sidecar,
                                Map<String, String> fields) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (DocumentFormat.isSidecar(name)) {
            String documentFile = file.substring(0, file.length() - DocumentFormat.SIDECAR_SUFFIX.length());
            byte[] document = readIfExists(indexer.resolve(documentFile));
            if (document == null) {
                throw new InvalidInputException("file", name + ": there is no document "
                        + documentFile.substring(documentFile.lastIndexOf('/') + 1)
                        + " for this sidecar; upload the document together with its sidecar");
            }
            return submit(c, actor, documentFile, document, content, fields);
        }
        if (DocumentFormat.of(name).isEmpty()) {
            throw new InvalidInputException("file", name + ": unsupported file type; supported: " + DocumentFormat.SUPPORTED
                    + " (and " + DocumentFormat.SIDECAR_SUFFIX + " sidecars)");
        }
        byte[] effectiveSidecar = sidecar != null ? sidecar : readIfExists(indexer.resolve(file + DocumentFormat.SIDECAR_SUFFIX));
        ReadDocument doc = reader.read(name, folderOf(file), content, effectiveSidecar, fields);
        String id = doc.metadata().id();
        checkFileHoldsNoOtherDocument(file, doc);
        Optional<StoredVersion> current = catalog.current(id);
        boolean controlled = Control.controlled(doc) || current.map(Control::controlled).orElse(false);
        if (actor == null || !controlled) {
            IngestResult result = store(c, file, doc);
            publish(c, DocumentEvent.Kind.UPLOADED, id, result.version(), actor, current, result.file());
            return result;
        }
        if (catalog.get(id, doc.metadata().version()).isPresent()) {
            throw new ConflictException("version " + doc.metadata().version() + " of " + id
                    + " is already kept; a changed text needs a new version number");
        }
        String approverRole = current.map(v -> v.metadata().ownerRole()).orElse(doc.metadata().ownerRole());
        DraftStore.Draft draft = new DraftStore.Draft(DraftInfo.VERSION, id, doc.metadata().version(), file,
                doc.metadata().title(), actor.id(), Instant.now(options.clock()), approverRole, doc.sidecar() != null);
        drafts.put(c.tx, draft, doc.content(), doc.sidecar());
        LOG.info("{} submitted {} version {} as a draft; it needs approval by {}", actor.id(), id,
                doc.metadata().version(), approverRole == null ? "a document approver" : approverRole);
        publish(c, DocumentEvent.Kind.DRAFT_SUBMITTED, id, doc.metadata().version(), actor, current, file);
        return new IngestResult(id, doc.metadata().version(), doc.metadata().title(), file, doc.sections().size(),
                doc.chunks().size(), false, List.of(), draftLink(id, doc.metadata().version()), IngestResult.DRAFT, false);
    }

    private void checkFileHoldsNoOtherDocument(String file, ReadDocument doc) {
        for (StoredVersion existing : catalog.byFile(file)) {
            if (!existing.id().equals(doc.metadata().id())) {
                throw new ConflictException("file " + file + " already holds document " + existing.id()
                        + "; delete " + existing.id() + " first or upload under another file name");
            }
        }
    }

    private static String folderOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    /**
     * Writes the document (and its sidecar) into the folder and indexes it, as part of change {@code c} (which puts
     * the old files back on any failure). An older version than the one the file holds goes straight to
     * {@code archive/}, so nothing is overwritten.
     */
    private IngestResult store(Change c, String file, ReadDocument doc) {
        String placed = indexer.placement(file, doc);
        indexer.checkConflict(placed, doc);
        Path target = indexer.resolve(placed);
        Path sidecarTarget = indexer.resolve(placed + DocumentFormat.SIDECAR_SUFFIX);
        try {
            if (doc.sidecar() != null) {
                c.tx.write(sidecarTarget, doc.sidecar());
            } else {
                // Everything is in the file itself; a stale sidecar would only disagree with it later.
                c.tx.delete(sidecarTarget);
            }
            c.tx.write(target, doc.content());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        c.writingIndex();
        IngestResult result = indexer.apply(placed, doc, FolderSnapshot.hash(doc.content(), doc.sidecar()), c.tx);
        sync.forget(placed);
        LOG.info("stored {} as {} version {} ({})", placed, result.documentId(), result.version(), result.status());
        return result;
    }

    // ---------------------------------------------------------------- approvals

    /** Pending changes to controlled documents (new versions and deletions), oldest first. */
    public List<DraftInfo> drafts() {
        writeLock.lock();
        try {
            return drafts.list().stream().map(this::info).toList();
        } finally {
            writeLock.unlock();
        }
    }

    /** A pending new version with its sections, for review. */
    public DraftDetail draft(String documentId, String version) {
        writeLock.lock();
        try {
            DraftStore.Draft d = requireDraft(DraftInfo.VERSION, documentId, version);
            ReadDocument doc = reader.read(fileNameOf(d.file()), folderOf(d.file()), drafts.content(d), drafts.sidecar(d), Map.of());
            return new DraftDetail(info(d), doc.sections());
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Approves a draft version: needs {@code documents:approve}, the document's owner role (when it names one), and
     * not being the person who uploaded it. The version is then stored like any upload (current if highest).
     */
    public IngestResult approve(Principal actor, String documentId, String version) {
        policy.require(actor, Action.DOCUMENTS_APPROVE, null);
        writeLock.lock();
        try {
            return change(c -> {
                DraftStore.Draft d = requireDraft(DraftInfo.VERSION, documentId, version);
                requireApprover(actor, d);
                ReadDocument doc = reader.read(fileNameOf(d.file()), folderOf(d.file()), drafts.content(d),
                        drafts.sidecar(d), Map.of());
                checkFileHoldsNoOtherDocument(d.file(), doc);
                Optional<StoredVersion> before = catalog.current(documentId);
                IngestResult result = store(c, d.file(), doc);
                drafts.remove(c.tx, d);
                LOG.info("{} approved {} version {} (uploaded by {})", actor.id(), documentId, version, d.requestedBy());
                publish(c, DocumentEvent.Kind.APPROVED, documentId, version, actor, before, result.file());
                return result;
            });
        } finally {
            writeLock.unlock();
        }
    }

    /** Turns a draft version down (an approver) or withdraws it (its uploader). */
    public void reject(Principal actor, String documentId, String version) {
        discard(actor, DraftInfo.VERSION, documentId, version);
    }

    /** Approves a requested deletion (every version when {@code version} is null); same rules as {@link #approve}. */
    public DeleteOutcome approveDeletion(Principal actor, String documentId, String version) {
        policy.require(actor, Action.DOCUMENTS_APPROVE, null);
        writeLock.lock();
        try {
            return change(c -> {
                DraftStore.Draft d = requireDraft(DraftInfo.DELETION, documentId, version);
                requireApprover(actor, d);
                Optional<StoredVersion> before = catalog.current(documentId);
                removeNow(c, documentId, version);
                drafts.remove(c.tx, d);
                publish(c, DocumentEvent.Kind.DELETED, documentId, version, actor, before, d.file());
                return new DeleteOutcome(documentId, version, DeleteOutcome.DELETED, null);
            });
        } finally {
            writeLock.unlock();
        }
    }

    public void rejectDeletion(Principal actor, String documentId, String version) {
        discard(actor, DraftInfo.DELETION, documentId, version);
    }

    private void discard(Principal actor, String kind, String documentId, String version) {
        if (actor == null) {
            throw new ForbiddenException("sign in first");
        }
        writeLock.lock();
        try {
            change(c -> {
                DraftStore.Draft d = requireDraft(kind, documentId, version);
                if (!actor.id().equals(d.requestedBy())) {
                    policy.require(actor, Action.DOCUMENTS_APPROVE, null);
                    requireApprover(actor, d);
                }
                drafts.remove(c.tx, d);
                publish(c, DocumentEvent.Kind.REJECTED, documentId, version, actor, catalog.current(documentId), d.file());
                return null;
            });
        } finally {
            writeLock.unlock();
        }
    }

    private DraftStore.Draft requireDraft(String kind, String documentId, String version) {
        return drafts.get(kind, documentId, version == null || version.isBlank() ? null : version.strip())
                .orElseThrow(() -> new NotFoundException(kind.equals(DraftInfo.VERSION) ? "draft" : "pending deletion",
                        documentId + (version == null ? "" : " " + version)));
    }

    private static void requireApprover(Principal actor, DraftStore.Draft d) {
        if (actor.id().equals(d.requestedBy())) {
            throw new ForbiddenException(actor.id() + " asked for this change to " + d.documentId()
                    + " and may not approve it; another " + (d.approverRole() == null ? "approver" : d.approverRole())
                    + " must");
        }
        if (d.approverRole() != null && !actor.hasRole(d.approverRole())) {
            throw new ForbiddenException(actor.id() + " may not approve changes to " + d.documentId()
                    + ": its owner role is " + d.approverRole());
        }
    }

    private DraftInfo info(DraftStore.Draft d) {
        String link = d.kind().equals(DraftInfo.VERSION) ? draftLink(d.documentId(), d.version()) + "/approve"
                : SectionLinks.document(d.documentId()) + "/deletion/approve" + (d.version() == null ? "" : "?version=" + d.version());
        return new DraftInfo(d.kind(), d.documentId(), d.version(), d.title(), d.file(), d.requestedBy(), d.requestedAt(),
                d.approverRole(), catalog.current(d.documentId()).map(StoredVersion::version).orElse(null), link);
    }

    private static String draftLink(String id, String version) {
        return SectionLinks.document(id) + "/versions/" + version;
    }

    private static String fileNameOf(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    // ---------------------------------------------------------------- delete

    /** Deletes a document with the folder's authority (every version; no approval). */
    public void delete(String documentId) {
        writeLock.lock();
        try {
            change(c -> removeNow(c, documentId, null));
        } finally {
            writeLock.unlock();
        }
    }

    /** Deletes one version with the folder's authority; if it was current, the next highest becomes current. */
    public void deleteVersion(String documentId, String version) {
        writeLock.lock();
        try {
            change(c -> removeNow(c, documentId, version));
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Deletes a document (every version, {@code version} null) or one version on behalf of {@code actor} (needs
     * {@code documents:delete}). An uncontrolled document goes at once; for a controlled one the deletion is itself a
     * change that waits for approval by its owner role ({@link #approveDeletion}).
     */
    public DeleteOutcome delete(Principal actor, String documentId, String version) {
        policy.require(actor, Action.DOCUMENTS_DELETE, null);
        String v = version == null || version.isBlank() ? null : version.strip();
        writeLock.lock();
        try {
            return change(c -> {
                StoredVersion current = catalog.current(documentId).orElseThrow(() -> new NotFoundException("document", documentId));
                StoredVersion target = v == null ? current : version(catalog, documentId, v);
                if (!Control.controlled(current) && !Control.controlled(target)) {
                    removeNow(c, documentId, v);
                    publish(c, DocumentEvent.Kind.DELETED, documentId, v, actor, Optional.of(current), target.file());
                    return new DeleteOutcome(documentId, v, DeleteOutcome.DELETED, null);
                }
                Optional<DraftStore.Draft> pending = drafts.get(DraftInfo.DELETION, documentId, v);
                if (pending.isPresent()) {
                    return new DeleteOutcome(documentId, v, DeleteOutcome.PENDING, info(pending.get()));
                }
                DraftStore.Draft d = new DraftStore.Draft(DraftInfo.DELETION, documentId, v, target.file(),
                        current.metadata().title(), actor.id(), Instant.now(options.clock()), current.metadata().ownerRole(), false);
                drafts.put(c.tx, d, null, null);
                LOG.info("{} asked to delete {}{}; it needs approval", actor.id(), documentId, v == null ? "" : " version " + v);
                publish(c, DocumentEvent.Kind.DELETION_REQUESTED, documentId, v, actor, Optional.of(current), target.file());
                return new DeleteOutcome(documentId, v, DeleteOutcome.PENDING, info(d));
            });
        } finally {
            writeLock.unlock();
        }
    }

    private Void removeNow(Change c, String documentId, String version) {
        if (version == null) {
            List<StoredVersion> versions = catalog.versions(documentId);
            if (versions.isEmpty()) {
                throw new NotFoundException("document", documentId);
            }
            versions.forEach(v -> deleteFiles(c, v));
            c.writingIndex();
            versions.forEach(indexer::removeVersion);
            LOG.info("deleted document {} ({} versions)", documentId, versions.size());
        } else {
            StoredVersion v = version(catalog, documentId, version);
            deleteFiles(c, v);
            c.writingIndex();
            indexer.removeVersion(v);
            LOG.info("deleted {} version {}", documentId, version);
        }
        return null;
    }

    // ---------------------------------------------------------------- bulk import

    /**
     * Imports every document of a zip archive on behalf of {@code actor} (needs {@code documents:upload}); folders
     * inside the archive are kept. Each file is imported or refused on its own, and the report says which and why;
     * a refused file changes nothing. {@code fields} (for example {@code type}) apply to every file.
     */
    public ImportReport importArchive(Principal actor, String archiveName, byte[] zip, Map<String, String> fields) {
        policy.require(actor, Action.DOCUMENTS_UPLOAD, null);
        if (zip == null || zip.length == 0) {
            throw new InvalidInputException("file", "the archive " + archiveName + " is empty");
        }
        if (zip.length > options.maxImportBytes()) {
            throw new PayloadTooLargeException("archive " + archiveName + " (" + zip.length + " bytes)", options.maxImportBytes());
        }
        checkImportFields(fields);
        return importAll(actor, archiveName, importer.zip(archiveName, zip), fields);
    }

    /**
     * Imports the documents under a folder on the server (needs {@code documents:import-folder}, an administrator's
     * action that stands for the upload of every file in it; controlled documents still become drafts). The folder
     * must be absolute and outside the documents and index folders.
     */
    public ImportReport importFolder(Principal actor, Path folder, Map<String, String> fields) {
        policy.require(actor, Action.DOCUMENTS_IMPORT_FOLDER, null);
        checkImportFields(fields);
        if (folder == null || !folder.isAbsolute()) {
            throw new InvalidInputException("path", "give the absolute path of a folder on the server");
        }
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            throw new InvalidInputException("path", folder + " does not exist or cannot be read");
        }
        if (!Files.isDirectory(real)) {
            throw new InvalidInputException("path", folder + " is not a folder");
        }
        if (real.startsWith(documentsDir) || documentsDir.startsWith(real) || real.startsWith(indexDir)) {
            throw new InvalidInputException("path", folder + " overlaps the documents or index folder; import from elsewhere");
        }
        return importAll(actor, real.toString(), importer.folder(real), fields);
    }

    private static void checkImportFields(Map<String, String> fields) {
        for (String perFile : List.of("id", "title", "version")) {
            String v = fields.get(perFile);
            if (v != null && !v.isBlank()) {
                throw new InvalidInputException(perFile, "'" + perFile + "' differs per document and cannot be given for a whole import");
            }
        }
    }

    private ImportReport importAll(Principal actor, String source, ImportSource.Contents contents, Map<String, String> fields) {
        List<ImportReport.Item> items = new ArrayList<>();
        contents.refused().forEach(r -> items.add(refusedItem(r.path(), List.of(new Problem("file", r.reason())))));
        for (ImportSource.Entry e : contents.files()) {
            writeLock.lock();
            try {
                IngestResult r = change(c -> submit(c, actor, e.path(), e.content(), e.sidecar(), fields));
                items.add(new ImportReport.Item(e.path(), r.status(), r.documentId(), r.version(), r.uncontrolled(), List.of()));
            } catch (InvalidInputException ex) {
                items.add(refusedItem(e.path(), ex.problems()));
            } catch (ConflictException | PayloadTooLargeException | ForbiddenException ex) {
                items.add(refusedItem(e.path(), List.of(new Problem("file", ex.getMessage()))));
            } finally {
                writeLock.unlock();
            }
        }
        items.sort(java.util.Comparator.comparing(ImportReport.Item::file));
        ImportReport report = ImportReport.of(source, items);
        LOG.info("import of {} by {}: {} indexed, {} drafts, {} refused", source, actor.id(), report.indexed(),
                report.drafts(), report.refused());
        return report;
    }

    private static ImportReport.Item refusedItem(String file, List<Problem> problems) {
        return new ImportReport.Item(file, "refused", null, null, false, problems);
    }

    // ---------------------------------------------------------------- events

    /** Hears every committed change from now on (uploads, drafts, approvals, deletions, files found in the folder). */
    public void addListener(DocumentEventListener listener) {
        listeners.add(listener);
    }

    /** Adds an event to change {@code c}: recorded at its commit, heard by listeners after it. */
    private void publish(Change c, DocumentEvent.Kind kind, String id, String version, Principal actor,
                         Optional<StoredVersion> before, String file) {
        Principal who = actor == null ? FOLDER : actor;
        c.events.add(new DocumentEvent(kind, id, version, who.id(),
                Instant.now(options.clock()), before.map(StoredVersion::version).orElse(null),
                catalog.current(id).map(StoredVersion::version).orElse(null), file, who));
    }

    private void tell(DocumentEvent event) {
        for (DocumentEventListener l : listeners) {
            try {
                l.onDocumentEvent(event);
            } catch (RuntimeException e) {
                LOG.error("document event listener failed on {}", event, e);
            }
        }
    }

    private void deleteFiles(Change c, StoredVersion v) {
        try {
            c.tx.delete(indexer.resolve(v.file()));
            if (v.sidecarFile() != null) {
                c.tx.delete(indexer.resolve(v.sidecarFile()));
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
            // Searches keep answering from the old index until the new one is committed.
            change(c -> {
                c.writingIndex();
                index.deleteAll();
                catalog.clear();
                sync.reset();
                FolderSync.Outcome outcome = sync.scan(c.tx);
                sync.drainIndexed();
                return outcome;
            });
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
        Scheduler.Task w = watcher;
        if (w != null) {
            w.cancel();
        }
        refreshTask.cancel();
        if (ownScheduler) {
            scheduler.close();
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
