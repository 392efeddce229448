package dev.andon.knowledge.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the retrievers see of a question asked on the floor. Units are spelled the way documents and their tables
 * write them ("2\"", "2in", "2-inch" all become "2 inch inches"; "8 hr" becomes "8 hours"), and for BM25 the
 * conversational filler ("got a pile of …", "what's the deal with", "on it") is dropped so that it cannot outweigh
 * the few content words. The vector retriever keeps the whole sentence: the sentence model reads phrasing, not counts.
 */
public final class QueryText {
    private record Unit(Pattern pattern, String spelled) {
    }

    private static final List<Unit> UNITS = List.of(
            new Unit(Pattern.compile("(\\d)\\s*(?:\"|''|”|inch(?:es)?\\b|in\\.|in\\b(?!\\s+(?:a|an|the|my|our|one|row|total|use)\\b))"), "$1 inch inches"),
            new Unit(Pattern.compile("(\\d)\\s*(?:'|’|ft\\b|feet\\b|foot\\b)"), "$1 feet foot"),
            new Unit(Pattern.compile("(\\d)\\s*(?:hrs?\\b|hours?\\b|h\\b)"), "$1 hours"),
            new Unit(Pattern.compile("(\\d)\\s*(?:lbs?\\b|pounds?\\b)"), "$1 pounds"),
            new Unit(Pattern.compile("(\\d)\\s*(?:psi\\b|p\\.s\\.i\\.?)"), "$1 psi p.s.i."),
            new Unit(Pattern.compile("(\\d)\\s*(?:db\\s*\\(?a\\)?|dba|db|decibels?)\\b"), "$1 dB dBA sound level"),
            new Unit(Pattern.compile("(\\d)\\s*(?:mm\\b|millimet(?:er|re)s?\\b)"), "$1 mm millimeters"),
            new Unit(Pattern.compile("(\\d)\\s*(?:cm\\b|centimet(?:er|re)s?\\b)"), "$1 cm centimeters"),
            new Unit(Pattern.compile("(\\d)\\s*(?:m\\b|met(?:er|re)s?\\b)"), "$1 m meters"));

    /** Words that carry no content in a floor question; the analyzers' stop lists do not know them. */
    private static final Set<String> FILLER = Set.of(
            "i", "im", "i'm", "me", "my", "we", "we're", "us", "our", "you", "your", "he", "his", "him", "guy", "guys",
            "somebody", "someone", "anyone", "anybody", "everyone", "what", "whats", "what's", "how", "hows", "how's",
            "which", "who", "whom", "when", "where", "why", "do", "does", "did", "doing", "done", "can", "could",
            "should", "would", "will", "shall", "may", "might", "must", "got", "gotta", "get", "gets", "getting",
            "gonna", "wanna", "want", "wants", "need", "needs", "deal", "thing", "things", "stuff", "bit", "pile",
            "bunch", "lot", "lots", "kind", "sort", "like", "just", "really", "actually", "basically", "anyway",
            "please", "thanks", "thank", "hey", "hi", "hello", "ok", "okay", "right", "yeah", "yes", "so", "um", "uh",
            "tell", "know", "say", "says", "there", "here", "this", "that", "these", "those", "it", "its", "it's",
            "am", "are", "is", "was", "were", "be", "been", "have", "has", "had", "any", "some", "one", "all",
            "about", "up", "out", "off", "on", "over", "still", "now", "then", "too", "also", "well", "hell", "damn",
            "supposed", "lemme", "let", "anything", "something", "whatever", "look", "mean", "them", "they");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'’./-]+");

    private QueryText() {
    }

    /** The question with its units spelled out as documents write them. */
    public static String withUnits(String question) {
        String s = question.toLowerCase(Locale.ROOT);
        for (Unit u : UNITS) {
            s = u.pattern().matcher(s).replaceAll(u.spelled());
        }
        return s;
    }

    /**
     * What the sentence model reads: units spelled out, and the documents' words added after floor words
     * ({@link FloorWords}: "forklift lanes" also reads "aisle passageway").
     */
    public static String forMeaning(String question, FloorWords words) {
        return words.withWrittenTerms(withUnits(question));
    }

    /** As {@link #forMeaning}, with filler dropped; falls back to that when nothing would be left. */
    public static String forKeywords(String question, FloorWords words) {
        String spelled = forMeaning(question, words);
        List<String> kept = new ArrayList<>();
        Matcher m = WORD.matcher(spelled);
        while (m.find()) {
            String w = m.group().replace('’', '\'');
            String bare = w.replaceAll("(^[.'/-]+|[.'/-]+$)", "");
            if (bare.isEmpty() || FILLER.contains(bare) || FILLER.contains(bare.replace("'", ""))) {
                continue;
            }
            kept.add(w);
        }
        if (kept.isEmpty()) {
            return spelled;
        }
        kept.addAll(closedCompounds(question));
        return String.join(" ", kept);
    }

    /**
     * Two-word compounds as documents close them up: "step ladder" is also "stepladder", "hand rail" "handrail".
     * Every pair of adjacent words of four letters or more is joined (not filler, not "the"); a join no document contains matches nothing,
     * so keyword search loses nothing by it. Not for the sentence model, which would read the made-up words.
     */
    static List<String> closedCompounds(String question) {
        List<String> words = new ArrayList<>();
        for (String w : question.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            words.add(w.length() >= 4 && !FILLER.contains(w) ? w : "");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            if (!words.get(i).isEmpty() && !words.get(i + 1).isEmpty()) {
                out.add(words.get(i) + words.get(i + 1));
            }
        }
        return out;
    }
}
