package dev.andon.knowledge.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

import java.io.Closeable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One analyzer per language (stemming and stop words differ), each on its own fields: {@code body_en},
 * {@code head_it}… A document's text goes only to the fields of its language; a query is analysed once per language,
 * so "isolare" meets Italian stems and "isolate" English ones. Languages without a dedicated analyzer share the
 * {@code xx} fields with standard analysis.
 */
public final class LanguageAnalyzers implements Closeable {
    public static final List<String> FIELD_LANGUAGES = List.of("en", "it", "de", "xx");
    private final Map<String, Analyzer> byLanguage = Map.of(
            "en", new EnglishAnalyzer(),
            "it", new ItalianAnalyzer(),
            "de", new GermanAnalyzer(),
            "xx", new StandardAnalyzer());
    private final Analyzer perField;

    public LanguageAnalyzers() {
        Map<String, Analyzer> fields = new HashMap<>();
        for (String lang : FIELD_LANGUAGES) {
            fields.put(bodyField(lang), byLanguage.get(lang));
            fields.put(headField(lang), byLanguage.get(lang));
        }
        perField = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fields);
    }

    /** The field language for a document language: itself when analysed specially, else "xx". */
    public static String fieldLanguage(String language) {
        return language != null && byName(language) ? language : "xx";
    }

    private static boolean byName(String language) {
        return language.equals("en") || language.equals("it") || language.equals("de");
    }

    public static String bodyField(String fieldLanguage) {
        return "body_" + fieldLanguage;
    }

    public static String headField(String fieldLanguage) {
        return "head_" + fieldLanguage;
    }

    public Analyzer analyzer(String fieldLanguage) {
        return byLanguage.get(fieldLanguage);
    }

    public Analyzer perField() {
        return perField;
    }

    @Override
    public void close() {
        byLanguage.values().forEach(Analyzer::close);
        perField.close();
    }
}
