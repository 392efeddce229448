package dev.andon.knowledge.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.json.AndonJson;
import dev.andon.knowledge.ingest.DocumentMetadata;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import dev.andon.core.schedule.Scheduler;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Lucene index on disk: one {@link IndexWriter}, a {@link SearcherManager} refreshed in the background, upserts by
 * document key ({@code id@version}). Holds two kinds of Lucene documents: one record per document version (metadata,
 * sections, source bytes) and one per chunk (text fields per language, filters, vector).
 */
public final class KnowledgeIndex implements Closeable {
    public static final String SCHEMA = "andon-knowledge-3";
    static final String F_KIND = "kind";
    static final String F_KEY = "key";
    static final String F_RECORD = "record";
    static final String F_DOC_ID = "docId";
    static final String F_VERSION = "version";
    static final String F_TITLE = "title";
    static final String F_TYPE = "type";
    static final String F_LANGUAGE = "language";
    static final String F_ROLE = "role";
    static final String F_LINE = "line";
    static final String F_STATION = "station";
    static final String F_SECTION = "section";
    static final String F_HEADING = "heading";
    static final String F_PATH = "path";
    static final String F_TEXT = "text";
    static final String F_SAFETY = "safety";
    static final String F_VECTOR = "vector";
    static final String F_CURRENT = "current";
    static final String F_META = "meta";
    static final String F_SOURCE = "source";
    static final String F_SIDECAR = "sidecarBytes";
    static final String KIND_RECORD = "record";
    static final String KIND_CHUNK = "chunk";
    /** Filter value meaning "applies to every role/line/station". */
    static final String ALL = "*";

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeIndex.class);
    private final Directory directory;
    // Replaced together by rollback() (under the knowledge base's write lock); readers pick up the new pair.
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private final java.util.function.Supplier<IndexWriterConfig> configs;
    private final LanguageAnalyzers analyzers;
    private final String modelId;
    private final ObjectMapper json = AndonJson.newMapper();
    private final boolean schemaMatched;
    private volatile boolean refreshPaused;

    private KnowledgeIndex(Directory directory, IndexWriter writer, java.util.function.Supplier<IndexWriterConfig> configs,
                           LanguageAnalyzers analyzers, String modelId, boolean schemaMatched)
            throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.configs = configs;
        this.analyzers = analyzers;
        this.modelId = modelId;
        this.schemaMatched = schemaMatched;
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Opens (or creates) the index in {@code dir}. An index written by another schema or embedding model is emptied,
     * so the caller re-reads the documents into it ({@link #schemaMatched()} tells).
     */
    public static KnowledgeIndex open(Path dir, LanguageAnalyzers analyzers, String modelId,
                                      double ramBufferMb) {
        try {
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            // A writer's config cannot be shared with the next writer (after a rollback), so it is made on demand.
            java.util.function.Supplier<IndexWriterConfig> configs = () -> new IndexWriterConfig(analyzers.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(ramBufferMb)
                    .setCommitOnClose(true);
            IndexWriter writer = new IndexWriter(directory, configs.get());
            Map<String, String> data = new HashMap<>();
            writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            boolean empty = writer.getDocStats().numDocs == 0;
            boolean matches = SCHEMA.equals(data.get("schema")) && modelId.equals(data.get("model"));
            if (!empty && !matches) {
                LOG.warn("knowledge index in {} was written by schema {} / model {}; it is rebuilt from the documents",
                        dir, data.get("schema"), data.get("model"));
                writer.deleteAll();
            }
            return new KnowledgeIndex(directory, writer, configs, analyzers, modelId, empty || matches);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open knowledge index in " + dir, e);
        }
    }

    /** False when an incompatible index was found and emptied on open. */
    public boolean schemaMatched() {
        return schemaMatched;
    }

    /** Replaces a document version (record and all its chunks) in one atomic step. */
    public void upsert(StoredVersion version, StoredSource source, List<IndexedChunk> chunks, boolean current) {
        List<Document> docs = new ArrayList<>(chunks.size() + 1);
        for (IndexedChunk c : chunks) {
            docs.add(chunkDocument(version, c, current));
        }
        docs.add(recordDocument(version, source, current));
        try {
            writer.updateDocuments(new Term(F_KEY, version.key()), docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites only the record of a version (for example when its file moved to the archive). */
    public void updateRecord(StoredVersion version, StoredSource source, boolean current) {
        try {
            writer.updateDocument(new Term(F_RECORD, version.key()), recordDocument(version, source, current));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String key) {
        try {
            writer.deleteDocuments(new Term(F_KEY, key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks a version current or superseded without re-indexing it (a doc-values update). */
    public void setCurrent(String key, boolean current) {
        try {
            writer.updateNumericDocValue(new Term(F_KEY, key), F_CURRENT, current ? 1 : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything written so far durable and visible to searches. */
    public void commit() {
        try {
            writer.setLiveCommitData(Map.of("schema", SCHEMA, "model", modelId).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
            refreshPaused = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Drops everything written since the last {@link #commit()}: the writer is rolled back and reopened on the last
     * commit, and searches move to a new searcher manager. For a document change that did not reach its commit point.
     */
    public void rollback() {
        try {
            writer.rollback();
            writer = new IndexWriter(directory, configs.get());
            SearcherManager old = searchers;
            searchers = new SearcherManager(writer, null);
            old.close();
            refreshPaused = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot roll the knowledge index back", e);
        }
    }

    /** Runs {@code work} on an acquired searcher and always releases it. */
    public <T> T search(Function<IndexSearcher, T> work) {
        IndexSearcher searcher;
        SearcherManager manager;
        try {
            manager = searchers;
            searcher = manager.acquire();
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            // A rollback replaced the manager between the read and the acquire: take the new one.
            manager = searchers;
            try {
                searcher = manager.acquire();
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.apply(searcher);
        } finally {
            try {
                manager.release(searcher);
            } catch (IOException e) {
                LOG.warn("could not release a knowledge searcher", e);
            }
        }
    }

    /** Every version record in the index, read at open to rebuild the in-memory catalogue. */
    public List<StoredVersion> versions() {
        return search(searcher -> {
            try {
                TopDocs top = searcher.search(new TermQuery(new Term(F_KIND, KIND_RECORD)), Math.max(1, searcher.getIndexReader().maxDoc()));
                StoredFields fields = searcher.storedFields();
                List<StoredVersion> out = new ArrayList<>();
                for (ScoreDoc sd : top.scoreDocs) {
                    Document d = fields.document(sd.doc, java.util.Set.of(F_META));
                    out.add(json.readValue(d.get(F_META), StoredVersion.class));
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public StoredSource source(String key) {
        return search(searcher -> {
            try {
                TopDocs top = searcher.search(new TermQuery(new Term(F_RECORD, key)), 1);
                if (top.scoreDocs.length == 0) {
                    return null;
                }
                Document d = searcher.storedFields().document(top.scoreDocs[0].doc);
                BytesRef content = d.getBinaryValue(F_SOURCE);
                BytesRef sidecar = d.getBinaryValue(F_SIDECAR);
                return new StoredSource(content == null ? new byte[0] : BytesRef.deepCopyOf(content).bytes,
                        sidecar == null ? null : BytesRef.deepCopyOf(sidecar).bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public int chunkCount() {
        return search(searcher -> {
            try {
                return searcher.count(new TermQuery(new Term(F_KIND, KIND_CHUNK)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public long sizeOnDiskBytes() {
        try {
            long total = 0;
            for (String f : directory.listAll()) {
                try {
                    total += directory.fileLength(f);
                } catch (IOException ignored) {
                    // a file merged away between listing and sizing
                }
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isOpen() {
        return writer.isOpen();
    }

    public LanguageAnalyzers analyzers() {
        return analyzers;
    }

    /** Merges segments down, for a bench or after a rebuild. */
    public void forceMerge(int segments) {
        try {
            writer.forceMerge(segments);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops background refreshes, so readers keep the last committed view while a long change (a rebuild) is under
     * way; {@link #commit()} publishes the result and resumes them.
     */
    public void pauseRefresh() {
        refreshPaused = true;
    }

    /** Lets background refreshes run again after {@link #pauseRefresh()} when nothing was written. */
    public void resumeRefresh() {
        refreshPaused = false;
    }

    /** Makes recent writes visible to searches every {@code every}, on the node's one scheduler; cancel before close. */
    public Scheduler.Task refreshOn(Scheduler scheduler, Duration every) {
        Duration period = every.toMillis() < 10 ? Duration.ofMillis(10) : every;
        return scheduler.every("knowledge-index-refresh", period, period, this::refreshQuietly);
    }

    private void refreshQuietly() {
        if (refreshPaused) {
            return;
        }
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            LOG.warn("knowledge index refresh failed", e);
        }
    }

    private Document chunkDocument(StoredVersion v, IndexedChunk c, boolean current) {
        DocumentMetadata m = v.metadata();
        String lang = LanguageAnalyzers.fieldLanguage(m.language());
        Document d = new Document();
        d.add(new StringField(F_KIND, KIND_CHUNK, Field.Store.NO));
        d.add(new StringField(F_KEY, v.key(), Field.Store.NO));
        d.add(new StringField(F_DOC_ID, m.id(), Field.Store.YES));
        d.add(new StoredField(F_VERSION, m.version()));
        d.add(new StoredField(F_TITLE, m.title()));
        d.add(new StringField(F_TYPE, m.type(), Field.Store.YES));
        d.add(new StringField(F_LANGUAGE, m.language(), Field.Store.YES));
        addAll(d, F_ROLE, m.roles());
        addAll(d, F_LINE, m.lines());
        addAll(d, F_STATION, m.stations());
        d.add(new StoredField(F_SECTION, c.section().number()));
        d.add(new StoredField(F_HEADING, c.section().heading() == null ? "" : c.section().heading()));
        d.add(new StoredField(F_PATH, c.section().path()));
        d.add(new StoredField(F_TEXT, c.chunk().text()));
        d.add(new StoredField(F_SAFETY, c.section().safetyCritical() ? 1 : 0));
        d.add(new TextField(LanguageAnalyzers.bodyField(lang), c.chunk().text(), Field.Store.NO));
        d.add(new TextField(LanguageAnalyzers.headField(lang), headText(m, c), Field.Store.NO));
        d.add(new KnnFloatVectorField(F_VECTOR, c.vector(), VectorSimilarityFunction.COSINE));
        d.add(new NumericDocValuesField(F_CURRENT, current ? 1 : 0));
        return d;
    }

    /** The words that say what a chunk is about: document title and id, section path, equipment and stations. */
    static String headText(DocumentMetadata m, IndexedChunk c) {
        return m.title() + "\n" + c.section().path() + "\n" + String.join(" ", m.equipment()) + " "
                + String.join(" ", m.stations());
    }

    private Document recordDocument(StoredVersion v, StoredSource source, boolean current) {
        Document d = new Document();
        d.add(new StringField(F_KIND, KIND_RECORD, Field.Store.NO));
        d.add(new StringField(F_KEY, v.key(), Field.Store.NO));
        d.add(new StringField(F_RECORD, v.key(), Field.Store.NO));
        try {
            d.add(new StoredField(F_META, json.writeValueAsString(v)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise document record " + v.key(), e);
        }
        d.add(new StoredField(F_SOURCE, source.content()));
        if (source.sidecar() != null) {
            d.add(new StoredField(F_SIDECAR, source.sidecar()));
        }
        d.add(new NumericDocValuesField(F_CURRENT, current ? 1 : 0));
        return d;
    }

    private static void addAll(Document d, String field, List<String> values) {
        if (values.isEmpty()) {
            d.add(new StringField(field, ALL, Field.Store.NO));
        }
        for (String v : values) {
            d.add(new StringField(field, v, Field.Store.NO));
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.setLiveCommitData(Map.of("schema", SCHEMA, "model", modelId).entrySet());
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close knowledge index", e);
        }
    }
}
