package dev.andon.knowledge.index;

import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.knowledge.SearchHit;
import dev.andon.knowledge.SearchRequest;
import dev.andon.knowledge.SectionLinks;
import dev.andon.knowledge.ingest.DocumentType;
import dev.andon.knowledge.ingest.LanguageDetector;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Answers a {@link SearchRequest}: BM25 over the language-analysed fields, k-nearest-neighbour search over the chunk
 * vectors, both under the same filters (current versions, role, line, station, type, language), fused by weighted
 * reciprocal rank. One hit per section: a section's best chunk stands for it.
 */
public final class HybridSearcher {
    public static final int MAX_K = 100;
    public static final int DEFAULT_K = 10;
    public static final int MAX_QUERY_CHARS = 1000;
    private static final float HEAD_BOOST = 1.5f;

    private final KnowledgeIndex index;
    private final TextEmbedder embedder;
    private final FusionSettings fusion;
    private final SnippetHighlighter snippets;
    private final FloorWords words;

    /** {@code words}: the plant's floor words, which both retrievers see after the spoken ones. */
    public HybridSearcher(KnowledgeIndex index, TextEmbedder embedder, FusionSettings fusion, FloorWords words) {
        this.index = index;
        this.embedder = embedder;
        this.fusion = fusion;
        this.words = words;
        this.snippets = new SnippetHighlighter(index.analyzers());
    }

    public List<SearchHit> search(SearchRequest request, SearchMode mode) {
        String text = validate(request);
        int k = request.k() == 0 ? DEFAULT_K : request.k();
        Query words = textQuery(QueryText.forKeywords(text, this.words));
        float[] vector = mode == SearchMode.BM25 ? null : embedder.embed(QueryText.forMeaning(text, this.words));
        int depth = Math.max(fusion.candidates(), k * 3);
        return index.search(searcher -> {
            try {
                Query filter = filter(request, hasSuperseded(searcher));
                Map<Integer, Double> scores = new LinkedHashMap<>();
                Map<Integer, Evidence> evidence = new HashMap<>();
                if (mode != SearchMode.VECTOR && words != null) {
                    Query q = filter == null ? words
                            : new BooleanQuery.Builder().add(words, Occur.MUST).add(filter, Occur.FILTER).build();
                    TopDocs top = searcher.search(q, depth);
                    accumulate(scores, top, mode == SearchMode.HYBRID, fusion.bm25Weight());
                    for (int r = 0; r < top.scoreDocs.length; r++) {
                        evidence.computeIfAbsent(top.scoreDocs[r].doc, x -> new Evidence()).bm25Rank = r + 1;
                    }
                }
                if (vector != null) {
                    Query q = new KnnFloatVectorQuery(KnowledgeIndex.F_VECTOR, vector, depth, filter);
                    TopDocs top = searcher.search(q, depth);
                    accumulate(scores, top, mode == SearchMode.HYBRID, vectorWeight(text));
                    for (int r = 0; r < top.scoreDocs.length; r++) {
                        Evidence e = evidence.computeIfAbsent(top.scoreDocs[r].doc, x -> new Evidence());
                        e.vectorRank = r + 1;
                        // Lucene scores cosine as (1 + cos) / 2
                        e.similarity = 2.0 * top.scoreDocs[r].score - 1.0;
                    }
                }
                List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(scores.entrySet());
                ranked.sort(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder()));
                return hits(searcher, ranked, evidence, k, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The vector list's weight in the fusion. MiniLM is an English model: for a question in another language the
     * extra trust the shipped weight gives it (chosen on English questions) is withdrawn, and BM25 with the language's
     * analyzer counts at least as much.
     */
    private double vectorWeight(String text) {
        return "en".equals(LANGUAGE.detect(text)) ? fusion.vectorWeight() : Math.min(fusion.vectorWeight(), fusion.bm25Weight());
    }

    private static final LanguageDetector LANGUAGE = new LanguageDetector("en");

    private void accumulate(Map<Integer, Double> scores, TopDocs top, boolean fuse, double weight) {
        ScoreDoc[] docs = top.scoreDocs;
        for (int rank = 0; rank < docs.length; rank++) {
            double s = fuse ? weight / (fusion.rrfK() + rank + 1) : docs[rank].score;
            scores.merge(docs[rank].doc, s, Double::sum);
        }
    }

    /** What each retriever said about one chunk. */
    private static final class Evidence {
        int bm25Rank;
        int vectorRank;
        double similarity;
    }

    private static final Set<String> SECTION_FIELDS = Set.of(KnowledgeIndex.F_DOC_ID, KnowledgeIndex.F_SECTION);

    private List<SearchHit> hits(IndexSearcher searcher, List<Map.Entry<Integer, Double>> ranked,
                                 Map<Integer, Evidence> evidence, int k, String text) throws IOException {
        List<SearchHit> out = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        var stored = searcher.storedFields();
        for (Map.Entry<Integer, Double> e : ranked) {
            Evidence ev = evidence.getOrDefault(e.getKey(), new Evidence());
            if (out.size() >= k) {
                // past the k sections shown, a later chunk can still strengthen the evidence of a section shown
                Document key = stored.document(e.getKey(), SECTION_FIELDS);
                Integer at = position.get(key.get(KnowledgeIndex.F_DOC_ID) + "\u0000" + key.get(KnowledgeIndex.F_SECTION));
                if (at != null) {
                    out.set(at, strengthened(out.get(at), ev));
                }
                continue;
            }
            Document d = stored.document(e.getKey());
            String id = d.get(KnowledgeIndex.F_DOC_ID);
            String version = d.get(KnowledgeIndex.F_VERSION);
            String section = d.get(KnowledgeIndex.F_SECTION);
            Integer at = position.get(id + "\u0000" + section);
            if (at != null) {
                out.set(at, strengthened(out.get(at), ev));
                continue;
            }
            position.put(id + "\u0000" + section, out.size());
            String language = d.get(KnowledgeIndex.F_LANGUAGE);
            String snippet = snippets.snippet(text, d.get(KnowledgeIndex.F_TEXT), LanguageAnalyzers.fieldLanguage(language));
            out.add(new SearchHit(id, d.get(KnowledgeIndex.F_TITLE), d.get(KnowledgeIndex.F_TYPE), version, section,
                    d.get(KnowledgeIndex.F_PATH), d.get(KnowledgeIndex.F_HEADING), snippet, e.getValue(),
                    SectionLinks.section(id, section, version),
                    d.getField(KnowledgeIndex.F_SAFETY).numericValue().intValue() == 1,
                    ev.similarity, ev.bm25Rank, ev.vectorRank));
        }
        return out;
    }

    /** A section's evidence is the best of its chunks'. */
    private static SearchHit strengthened(SearchHit h, Evidence ev) {
        return new SearchHit(h.documentId(), h.title(), h.type(), h.version(), h.section(), h.sectionPath(), h.heading(),
                h.snippet(), h.score(), h.link(), h.safetyCritical(), Math.max(h.vectorSimilarity(), ev.similarity),
                best(h.bm25Rank(), ev.bm25Rank), best(h.vectorRank(), ev.vectorRank));
    }

    private static int best(int a, int b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }

    private String validate(SearchRequest r) {
        List<Problem> problems = new ArrayList<>();
        String text = r.query() == null ? "" : r.query().strip();
        if (text.isEmpty()) {
            problems.add(new Problem("q", "the search query is empty"));
        } else if (text.length() > MAX_QUERY_CHARS) {
            problems.add(new Problem("q", "the search query is longer than " + MAX_QUERY_CHARS + " characters"));
        }
        if (r.k() < 0 || r.k() > MAX_K) {
            problems.add(new Problem("k", "k must be between 1 and " + MAX_K + ", got " + r.k()));
        }
        if (r.type() != null && !r.type().isBlank() && DocumentType.fromId(r.type()).isEmpty()) {
            problems.add(new Problem("type", "unknown document type '" + r.type() + "'; expected one of "
                    + String.join(", ", DocumentType.ids())));
        }
        if (r.language() != null && !r.language().isBlank() && !r.language().strip().matches("[A-Za-z]{2}")) {
            problems.add(new Problem("lang", "language must be a two-letter code such as en, it, de"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return text;
    }

    /**
     * Whether this searcher's index holds superseded chunks, computed once per reader generation: without any, the
     * current-version filter is dropped, which spares the vector search a filter bitset over every chunk.
     */
    private boolean hasSuperseded(IndexSearcher searcher) throws IOException {
        Object key = searcher.getIndexReader().getReaderCacheHelper().getKey();
        SupersededCache cached = superseded;
        if (cached != null && cached.readerKey() == key) {
            return cached.present();
        }
        boolean present = searcher.count(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KnowledgeIndex.F_KIND, KnowledgeIndex.KIND_CHUNK)), Occur.FILTER)
                .add(NumericDocValuesField.newSlowExactQuery(KnowledgeIndex.F_CURRENT, 0), Occur.FILTER)
                .build()) > 0;
        superseded = new SupersededCache(key, present);
        return present;
    }

    private record SupersededCache(Object readerKey, boolean present) {
    }

    private volatile SupersededCache superseded;

    /** Null when nothing needs filtering. */
    private static Query filter(SearchRequest r, boolean excludeSuperseded) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        if (excludeSuperseded) {
            b.add(NumericDocValuesField.newSlowExactQuery(KnowledgeIndex.F_CURRENT, 1), Occur.FILTER);
            clauses++;
        }
        clauses += scoped(b, KnowledgeIndex.F_ROLE, r.role());
        clauses += scoped(b, KnowledgeIndex.F_LINE, r.line());
        clauses += scoped(b, KnowledgeIndex.F_STATION, r.station());
        if (r.type() != null && !r.type().isBlank()) {
            b.add(new TermQuery(new Term(KnowledgeIndex.F_TYPE, DocumentType.fromId(r.type()).orElseThrow().id())), Occur.FILTER);
            clauses++;
        }
        if (r.language() != null && !r.language().isBlank()) {
            b.add(new TermQuery(new Term(KnowledgeIndex.F_LANGUAGE, r.language().strip().toLowerCase(Locale.ROOT))), Occur.FILTER);
            clauses++;
        }
        return clauses == 0 ? null : b.build();
    }

    /** Documents written for the value, plus documents that apply to all. */
    private static int scoped(BooleanQuery.Builder b, String field, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        Query either = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(field, value.strip())), Occur.SHOULD)
                .add(new TermQuery(new Term(field, KnowledgeIndex.ALL)), Occur.SHOULD)
                .build();
        b.add(either, Occur.FILTER);
        return 1;
    }

    /** The query text analysed once per language, over body and heading fields; null if it has no searchable words. */
    Query textQuery(String text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String lang : LanguageAnalyzers.FIELD_LANGUAGES) {
            Analyzer analyzer = index.analyzers().analyzer(lang);
            QueryBuilder qb = new QueryBuilder(analyzer);
            Query body = qb.createBooleanQuery(LanguageAnalyzers.bodyField(lang), text, Occur.SHOULD);
            Query head = qb.createBooleanQuery(LanguageAnalyzers.headField(lang), text, Occur.SHOULD);
            if (body != null) {
                b.add(body, Occur.SHOULD);
                clauses++;
            }
            if (head != null) {
                b.add(new BoostQuery(head, HEAD_BOOST), Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : b.build();
    }
}
