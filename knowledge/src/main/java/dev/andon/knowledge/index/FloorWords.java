package dev.andon.knowledge.index;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Words said on the floor for things that standards and SOPs name otherwise: "forklift lanes" are "aisles" where
 * "mechanical handling equipment" is used, a "walkway" is a "passageway". The question shares no word with the
 * section that answers it, and the sentence model does not bridge slang to the formal term on its own (on the
 * regulations' dev half such questions were refused). The documents' words are added after the spoken ones — never
 * in their place, so a document that uses the spoken word still matches it.
 */
final class FloorWords {
    private record Term(Pattern spoken, String written) {
    }

    private static final List<Term> TERMS = List.of(
            term("lanes?|walkways?|walk ways?|gangways?|corridors?", "aisle passageway"),
            term("fork ?lifts?|fork-lifts?|fork trucks?|reach trucks?|pallet trucks?|pallet jacks?",
                    "powered industrial truck mechanical handling equipment"),
            term("blocked|cluttered|in the way", "obstruction kept clear"),
            term("holes?", "opening"),
            term("slippy|slippery", "slip-resistant"),
            term("ear ?muffs?|ear ?plugs?|ear defenders?", "hearing protection"),
            term("loud", "noise"),
            term("(?:throw|throws|throwing|threw|chuck|chucks|chucking|kick|kicks|kicking|kicked) out", "reject rejected"),
            // an abbreviation the documents spell out ("American National Standards Institute, Z87.1")
            term("ansi", "american national standards institute"));

    private FloorWords() {
    }

    private static Term term(String spoken, String written) {
        return new Term(Pattern.compile("\\b(?:" + spoken + ")\\b"), written);
    }

    /** {@code lowerCased} with the documents' words for its floor words added after each; unchanged without any. */
    static String withWrittenTerms(String lowerCased) {
        String s = lowerCased;
        for (Term t : TERMS) {
            s = t.spoken().matcher(s).replaceAll(m -> m.group() + " " + t.written());
        }
        return s;
    }
}
