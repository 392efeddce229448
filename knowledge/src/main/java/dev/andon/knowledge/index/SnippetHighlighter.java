package dev.andon.knowledge.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;

/**
 * Short extracts with the query's words marked: HTML-escaped text with {@code <mark>…</mark>} around matches, safe to
 * put into a page as is. A hit found by meaning alone (no shared word) gets the opening of its text.
 */
public final class SnippetHighlighter {
    private static final int FRAGMENT_CHARS = 160;
    private static final int FALLBACK_CHARS = 240;
    private final LanguageAnalyzers analyzers;
    private final SimpleHTMLEncoder encoder = new SimpleHTMLEncoder();

    public SnippetHighlighter(LanguageAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    public String snippet(String query, String text, String fieldLanguage) {
        String field = LanguageAnalyzers.bodyField(fieldLanguage);
        Analyzer analyzer = analyzers.analyzer(fieldLanguage);
        Query q = new QueryBuilder(analyzer).createBooleanQuery(field, query, Occur.SHOULD);
        if (q != null) {
            QueryScorer scorer = new QueryScorer(q, field);
            Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), encoder, scorer);
            highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, FRAGMENT_CHARS));
            highlighter.setMaxDocCharsToAnalyze(Math.max(text.length(), 1));
            try (TokenStream tokens = analyzer.tokenStream(field, text)) {
                String best = highlighter.getBestFragments(tokens, text, 2, " … ");
                if (best != null && !best.isBlank()) {
                    return best.strip().replaceAll("\\s*\\n\\s*", " ");
                }
            } catch (IOException | InvalidTokenOffsetsException e) {
                // fall through to the plain opening of the text
            }
        }
        String opening = text.length() <= FALLBACK_CHARS ? text : text.substring(0, FALLBACK_CHARS) + "…";
        return encoder.encodeText(opening).replaceAll("\\s*\\n\\s*", " ");
    }
}
