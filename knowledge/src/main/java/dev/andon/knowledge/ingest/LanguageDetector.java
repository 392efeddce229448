package dev.andon.knowledge.ingest;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses English, Italian or German from stop-word frequencies. Good enough for whole documents and for most
 * sentences; a text with no stop words at all falls back to the default language.
 */
public final class LanguageDetector {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private final Map<String, CharArraySet> stopWords = Map.of(
            "en", EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
            "it", ItalianAnalyzer.getDefaultStopSet(),
            "de", GermanAnalyzer.getDefaultStopSet());
    private final String fallback;

    public LanguageDetector(String fallback) {
        this.fallback = fallback;
    }

    public String detect(String text) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        Matcher m = WORD.matcher(text.length() > 20_000 ? text.substring(0, 20_000) : text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, CharArraySet> e : stopWords.entrySet()) {
                if (e.getValue().contains(w)) {
                    counts.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        String best = fallback;
        int bestCount = 0;
        for (String lang : new String[]{"en", "it", "de"}) {
            int c = counts.getOrDefault(lang, 0);
            if (c > bestCount) {
                best = lang;
                bestCount = c;
            }
        }
        return best;
    }
}
