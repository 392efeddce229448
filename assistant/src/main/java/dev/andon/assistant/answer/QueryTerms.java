package dev.andon.assistant.answer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of a question that carry its meaning ("torque", "die", "clamp"), and a check of how many of them a
 * section really contains — the test for "does an approved source cover this?" rather than "did the search return
 * anything?".
 */
public final class QueryTerms {
    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "then", "of", "on", "in", "at", "to", "for", "from", "by",
            "with", "without", "about", "into", "onto", "over", "under", "after", "before", "during", "per", "via",
            "i", "me", "my", "we", "us", "our", "you", "your", "it", "its", "this", "that", "these", "those", "there",
            "he", "she", "they", "them", "their", "is", "are", "was", "were", "be", "been", "being", "am", "do",
            "does", "did", "doing", "done", "have", "has", "had", "can", "could", "should", "would", "will", "shall",
            "may", "might", "must", "need", "needs", "want", "wants", "how", "what", "whats", "which", "who", "whom",
            "whose", "when", "where", "why", "please", "tell", "show", "give", "explain", "know", "find", "get",
            "got", "let", "make", "use", "used", "using", "way", "ways", "right", "correct", "proper", "properly",
            "procedure", "procedures", "instruction", "instructions", "steps", "step", "sop", "document", "documents",
            "say", "says", "said", "anything", "something", "thing", "things", "any", "some", "all", "each", "every",
            "out", "up", "down", "so", "than", "too", "very", "just", "also", "again", "still", "now", "here",
            "not", "no", "yes", "ok", "hi", "hello", "thanks", "thank", "line", "station", "value", "values",
            "flag", "flags", "flagging", "flagged", "showing", "shows", "reporting", "reports", "raised", "raising",
            "getting", "happening", "happens", "wrong", "issue", "issues", "problem", "problems", "alert", "alerts",
            "alarm", "alarms", "help", "next", "see", "seeing", "saying", "going", "happened",
            // asking words: "how many", "how often", "how far" ask about an amount, they are not its topic
            "many", "much", "often", "long", "far",
            // what is left of "we're", "you'll", "I've" once the apostrophe splits the word
            "re", "ll", "ve",
            "il", "lo", "la", "le", "gli", "un", "una", "di", "da", "del", "della", "con", "su", "che",
            "come", "cosa", "quale", "quando", "dove", "si", "non", "sono", "devo", "posso", "fare");

    private QueryTerms() {
    }

    /** Meaningful words of {@code question}, minus {@code drop} (e.g. the words naming the line or station). */
    public static List<String> of(String question, Collection<String> drop) {
        Set<String> dropped = new LinkedHashSet<>();
        for (String d : drop) {
            dropped.addAll(tokens(d));
        }
        Set<String> out = new LinkedHashSet<>();
        for (String t : tokens(question)) {
            if (t.length() < 2 || STOP.contains(t) || dropped.contains(t) || t.matches("\\d{1,2}")) {
                continue;
            }
            out.add(t);
        }
        return new ArrayList<>(out);
    }

    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Fraction of {@code terms} that occur in {@code text} (by a light stem, so "vibrating" finds "vibration"). */
    public static double coverage(List<String> terms, String text) {
        if (terms.isEmpty()) {
            return 0;
        }
        return (double) matched(terms, text) / terms.size();
    }

    public static int matched(List<String> terms, String text) {
        return matchedTerms(terms, text).size();
    }

    /** The {@code terms} that occur in {@code text}, as {@link #matched} counts them. */
    public static List<String> matchedTerms(List<String> terms, String text) {
        Set<String> stems = new LinkedHashSet<>();
        for (String t : tokens(text)) {
            stems.add(stem(t));
        }
        List<String> out = new ArrayList<>();
        for (String term : terms) {
            if (contains(stems, stem(term)) || SYNONYMS.getOrDefault(term, List.of()).stream().anyMatch(x -> contains(stems, stem(x)))) {
                out.add(term);
            }
        }
        return out;
    }

    /** Shop-floor abbreviations and the words documents spell them out with. */
    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "ppe", List.of("protective"),
            "loto", List.of("lock", "lockout"),
            "lockout", List.of("lock"),
            "hmi", List.of("panel", "screen"),
            "oee", List.of("availability", "performance"),
            "tdc", List.of("dead"));

    public static boolean mentions(String line, List<String> terms) {
        return matched(terms, line) > 0;
    }

    private static boolean contains(Set<String> stems, String s) {
        // a short word and its plural ("pit" / "pits"): too short for the stemmer to take the s off safely
        if (stems.contains(s) || stems.contains(s + "s") || s.endsWith("s") && stems.contains(s.substring(0, s.length() - 1))) {
            return true;
        }
        if (s.length() >= 5) {
            String prefix = s.substring(0, 5);
            for (String x : stems) {
                // same word, other ending ("vibrat…"); or a compound ending in it ("stepladder" for "ladder")
                if (x.length() >= 5 && x.startsWith(prefix) || x.length() > s.length() + 2 && x.endsWith(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String stem(String t) {
        String s = t;
        for (String suffix : List.of("ings", "ing", "ions", "ion", "ies", "es", "ed", "s")) {
            if (s.length() > suffix.length() + 3 && s.endsWith(suffix)) {
                if (suffix.equals("es") && !s.matches(".*(s|x|z|ch|sh)es")) {
                    continue; // "brakes", "plates": the e belongs to the word ("brake"), only the s goes
                }
                s = s.substring(0, s.length() - suffix.length());
                break;
            }
        }
        return s;
    }
}
