package dev.andon.assistant.answer;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The part of a section that answers a question, quoted exactly: the table rows (under their header), list items or
 * sentences that share the most content words and numbers with the question, in the section's own order. The rest of
 * the section is what "more in this section" shows.
 */
public final class Passage {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[./]\\d+)?");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)]|\\([a-z0-9ivx]+\\))\\s+.*");

    /** One quotable unit of a section, as written. */
    private record Unit(int index, String text, boolean tableRow, int header) {
    }

    private Passage() {
    }

    /**
     * Up to {@code maxUnits} units of {@code text} that best answer {@code question} (content words {@code terms}),
     * joined in reading order; a table row brings its header. Empty when no unit shares anything with the question.
     */
    public static String answering(String text, List<String> terms, String question, int maxUnits, int maxChars) {
        List<Unit> units = units(text);
        Set<String> numbers = numbers(question);
        List<double[]> scored = new ArrayList<>();
        for (Unit u : units) {
            if (u.tableRow() && isSeparator(u.text())) {
                continue;
            }
            double s = QueryTerms.matched(terms, u.text()) + 1.5 * numbers.stream().filter(n -> numbers(u.text()).contains(n)).count();
            if (s > 0) {
                scored.add(new double[]{u.index(), s});
            }
        }
        if (scored.isEmpty()) {
            return "";
        }
        scored.sort(Comparator.comparingDouble((double[] x) -> -x[1]).thenComparingDouble(x -> x[0]));
        double best = scored.get(0)[1];
        TreeSet<Integer> chosen = new TreeSet<>();
        int chars = 0;
        for (double[] x : scored) {
            // only units nearly as good as the best one: a passage, not the whole section again
            if (chosen.size() >= maxUnits || x[1] < best * 0.6) {
                break;
            }
            Unit u = units.get((int) x[0]);
            if (chars > 0 && chars + u.text().length() > maxChars) {
                break;
            }
            chosen.add(u.index());
            chars += u.text().length();
            if (u.tableRow() && u.header() >= 0) {
                chosen.add(u.header());
                if (u.header() + 1 < u.index() && isSeparator(units.get(u.header() + 1).text())) {
                    chosen.add(u.header() + 1);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        int previous = -2;
        for (int i : chosen) {
            Unit u = units.get(i);
            if (sb.length() > 0) {
                boolean tight = u.tableRow() && previous == i - 1 && units.get(previous).tableRow();
                sb.append(tight ? "\n" : previous == i - 1 ? "\n" : "\n[…]\n");
            }
            sb.append(u.text());
            previous = i;
        }
        return sb.toString();
    }

    /** Paragraph sentences, list items and table rows, in order; table rows know where their header starts. */
    static List<Unit> units(String text) {
        List<Unit> out = new ArrayList<>();
        for (String block : text.strip().split("\\n\\s*\\n")) {
            String[] lines = block.strip().split("\\n");
            boolean table = lines.length >= 2 && java.util.Arrays.stream(lines).allMatch(l -> l.strip().startsWith("|"));
            if (table) {
                int header = out.size();
                for (String l : lines) {
                    out.add(new Unit(out.size(), l, true, out.size() == header ? -1 : header));
                }
            } else if (java.util.Arrays.stream(lines).allMatch(l -> LIST_ITEM.matcher(l).matches() || l.startsWith("  "))) {
                for (String l : lines) {
                    out.add(new Unit(out.size(), l, false, -1));
                }
            } else {
                BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
                String b = block.strip();
                it.setText(b);
                int start = it.first();
                for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                    String sentence = b.substring(start, end).strip();
                    if (!sentence.isEmpty()) {
                        out.add(new Unit(out.size(), sentence, false, -1));
                    }
                }
            }
        }
        return out;
    }

    private static boolean isSeparator(String row) {
        return row.strip().matches("\\|?[\\s:|-]+\\|?");
    }

    private static Set<String> numbers(String s) {
        Set<String> out = new TreeSet<>();
        var m = NUMBER.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
