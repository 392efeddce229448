package dev.andon.knowledge.index;

import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Words said on the floor for things that standards and SOPs name otherwise: "forklift lanes" are "aisles" where
 * "mechanical handling equipment" is used, a "walkway" is a "passageway". The question shares no word with the
 * section that answers it, and the sentence model does not bridge slang to the formal term on its own (on the
 * regulations' dev half such questions were refused). The documents' words are added after the spoken ones — never
 * in their place, so a document that uses the spoken word still matches it. A plant adds its own (its machines'
 * nicknames, its abbreviations) in a words file, one {@code spoken, other spoken = documents' words} per line.
 */
public final class FloorWords {
    private record Term(Pattern spoken, String written) {
    }

    private static final List<Term> BUILT_IN = List.of(
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

    /** The built-in words only. */
    public static final FloorWords STANDARD = new FloorWords(BUILT_IN);

    private final List<Term> terms;

    private FloorWords(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    private static Term term(String spoken, String written) {
        return new Term(Pattern.compile("\\b(?:" + spoken + ")\\b"), written);
    }

    /**
     * The built-in words and a plant's own from {@code file}: one entry per line, {@code spoken = written}, several
     * spoken forms separated by commas ({@code big press, the beast = P-300 hydraulic press}); {@code #} starts a
     * comment. Spoken forms match as whole words, case aside. A line that is not an entry is refused with its
     * {@code file:line}.
     */
    public static FloorWords standardAnd(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the words file " + file, e);
        }
        List<Term> terms = new ArrayList<>(BUILT_IN);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file.getFileName() + ":" + (i + 1);
            int eq = line.indexOf('=');
            String written = eq < 0 ? "" : line.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
            List<String> spoken = eq < 0 ? List.of() : List.of(line.substring(0, eq).split(",")).stream()
                    .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
            if (spoken.isEmpty() || written.isEmpty()) {
                problems.add(new Problem(where, "expected 'spoken words, other spoken words = the documents' words'"));
                continue;
            }
            terms.add(term(String.join("|", spoken.stream().map(Pattern::quote).toList()), written));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new FloorWords(terms);
    }

    /** {@code lowerCased} with the documents' words for its floor words added after each; unchanged without any. */
    String withWrittenTerms(String lowerCased) {
        String s = lowerCased;
        for (Term t : terms) {
            s = t.spoken().matcher(s).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group() + " " + t.written()));
        }
        return s;
    }
}
