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
    /** A unit that ends by introducing what follows. */
    private static final Pattern LEAD_IN = Pattern.compile("[-:\u2013\u2014]\\s*$");
    /** Questions that ask for an amount, a size or a limit rather than for what to do. */
    private static final Pattern ASKS_AMOUNT = Pattern.compile(
            "\\bhow (many|much|far|long|often|big|high|tall|wide|thick|heavy|close|deep|hot|low|fast|small)\\b"
                    + "|\\b(tallest|highest|longest|biggest|widest|largest|smallest|shortest|lowest|max|maximum|min|minimum|"
                    + "limit|distance|height|width|length|spacing|clearance|gap|overlap)\\b");
    /** A figure as regulations and SOPs write it: digits or a spelled-out fraction or number. */
    private static final Pattern MEASURE = Pattern.compile(
            "\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|half|quarter)(-\\w+)?\\b", Pattern.CASE_INSENSITIVE);
    /** A long list item (a regulation paragraph) is quoted by its sentences, not whole. */
    private static final int LONG_ITEM = 240;
    private static final double TOPIC_WEIGHT = 0.5;
    private static final double AMOUNT_BONUS = 0.5;

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
        return answering(text, "", terms, question, maxUnits, maxChars);
    }

    /**
     * As {@link #answering(String, List, String, int, int)}, for a section about {@code topic} (its title and
     * heading): the question's words that name the topic ("ladder" in "Portable metal ladders") found the section but
     * do not tell its sentences apart, so they count half; the other words choose the passage.
     */
    public static String answering(String text, String topic, List<String> terms, String question, int maxUnits, int maxChars) {
        List<Unit> units = units(text);
        Set<String> numbers = numbers(question);
        Set<String> topical = new java.util.HashSet<>(QueryTerms.matchedTerms(terms, topic));
        boolean asksAmount = ASKS_AMOUNT.matcher(question.toLowerCase(Locale.ROOT)).find();
        List<double[]> scored = new ArrayList<>();
        for (Unit u : units) {
            if (u.tableRow() && (isSeparator(u.text()) || isHeader(u))) {
                continue; // a header row says what the columns are, never the fact: it is scored with its table below
            }
            double words = 0;
            for (String t : QueryTerms.matchedTerms(terms, u.text())) {
                words += topical.contains(t) ? TOPIC_WEIGHT : 1;
            }
            double s = words + 1.5 * numbers.stream().filter(n -> numbers(u.text()).contains(n)).count();
            if (s > 0 && asksAmount && MEASURE.matcher(u.text()).find()) {
                s += AMOUNT_BONUS; // "how far", "tallest": the sentence that gives a figure answers it
            }
            if (s > 0) {
                scored.add(new double[]{u.index(), s});
            }
        }
        scored.addAll(tablesAnsweredByTheirHeader(units, terms, topical, scored));
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
            if (isHeader(u)) {
                chars += tableRows(units, u.index(), chosen, maxChars - chars);
                continue;
            }
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
        chars += leadInsCompleted(units, chosen, maxChars - chars);
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

    /**
     * Tables whose header shares words with the question ("how many hours a day" against "Duration per day, hours")
     * while none of their data rows does: the rows together are the answer, so the table is a candidate scored as its
     * header, keyed by the header's index. A table with a matching row is answered by that row instead.
     */
    private static List<double[]> tablesAnsweredByTheirHeader(List<Unit> units, List<String> terms, Set<String> topical,
                                                              List<double[]> scored) {
        Set<Integer> answeredByRow = new java.util.HashSet<>();
        for (double[] x : scored) {
            Unit u = units.get((int) x[0]);
            if (u.tableRow()) {
                answeredByRow.add(u.header());
            }
        }
        List<double[]> out = new ArrayList<>();
        for (Unit u : units) {
            if (!isHeader(u) || answeredByRow.contains(u.index()) || !hasDataRow(units, u.index())) {
                continue;
            }
            double words = 0;
            for (String t : QueryTerms.matchedTerms(terms, u.text())) {
                words += topical.contains(t) ? TOPIC_WEIGHT : 1;
            }
            if (words > 0) {
                out.add(new double[]{u.index(), words});
            }
        }
        return out;
    }

    /**
     * The header at {@code header}, its separator and its data rows in order, as many as fit in {@code room}
     * characters — but at least the first data row, so a header is never quoted alone. Returns the characters added.
     */
    private static int tableRows(List<Unit> units, int header, TreeSet<Integer> chosen, int room) {
        int added = 0;
        boolean aRow = false;
        for (int j = header; j < units.size() && (j == header || units.get(j).header() == header); j++) {
            Unit row = units.get(j);
            boolean data = j > header && !isSeparator(row.text());
            if (data && aRow && added + row.text().length() > room) {
                break;
            }
            chosen.add(j);
            added += row.text().length();
            aRow |= data;
        }
        return added;
    }

    private static boolean isHeader(Unit u) {
        return u.tableRow() && u.header() < 0;
    }

    private static boolean hasDataRow(List<Unit> units, int header) {
        for (int j = header + 1; j < units.size() && units.get(j).header() == header; j++) {
            if (!isSeparator(units.get(j).text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A chosen sentence that leads into what follows ("… in the passenger compartment -", "three types:") says nothing
     * without it: the units after it join, within {@code room} characters (at least the first one). Returns the
     * characters added.
     */
    private static int leadInsCompleted(List<Unit> units, TreeSet<Integer> chosen, int room) {
        int added = 0;
        for (int i : List.copyOf(chosen)) {
            if (!LEAD_IN.matcher(units.get(i).text()).find()) {
                continue;
            }
            for (int j = i + 1; j < units.size() && !chosen.contains(j); j++) {
                if (isHeader(units.get(j))) {
                    added += tableRows(units, j, chosen, room - added); // a table, never its header alone
                    break;
                }
                int len = units.get(j).text().length();
                if (j > i + 1 && added + len > room) {
                    break;
                }
                chosen.add(j);
                added += len;
            }
        }
        return added;
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
                    if (l.length() > LONG_ITEM) {
                        sentences(l, out);
                    } else {
                        out.add(new Unit(out.size(), l, false, -1));
                    }
                }
            } else {
                sentences(block, out);
            }
        }
        return out;
    }

    private static void sentences(String block, List<Unit> out) {
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
