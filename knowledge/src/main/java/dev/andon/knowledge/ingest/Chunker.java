package dev.andon.knowledge.ingest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a section body into chunks of about {@code maxChars}, at block boundaries. Step lists stay whole even when
 * longer than the limit; only an over-long plain paragraph is cut, at sentence ends.
 */
public final class Chunker {
    private final int maxChars;

    public Chunker(int maxChars) {
        this.maxChars = maxChars;
    }

    public List<String> chunk(List<TextBlock> blocks) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (TextBlock block : blocks) {
            List<String> pieces = block.list() || block.text().length() <= maxChars ? List.of(block.text())
                    : isTable(block.text()) ? tableRows(block.text()) : sentences(block.text());
            for (String piece : pieces) {
                if (current.length() > 0 && current.length() + 2 + piece.length() > maxChars) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append("\n\n");
                }
                current.append(piece);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /** A pipe table: every line starts with "|". */
    static boolean isTable(String text) {
        String[] lines = text.strip().split("\n");
        if (lines.length < 2) {
            return false;
        }
        for (String l : lines) {
            if (!l.strip().startsWith("|")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A long table cut between rows, each piece starting with the table's header (the first row and, when present, the
     * "|---|" line under it), so a row found on its own still says what its columns mean.
     */
    private List<String> tableRows(String text) {
        String[] lines = text.strip().split("\n");
        int headerLines = lines.length > 1 && lines[1].strip().matches("\\|?[\\s:|-]+\\|?") ? 2 : 1;
        String header = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, headerLines));
        List<String> out = new ArrayList<>();
        StringBuilder piece = new StringBuilder(header);
        int rows = 0;
        for (int i = headerLines; i < lines.length; i++) {
            if (rows > 0 && piece.length() + 1 + lines[i].length() > maxChars) {
                out.add(piece.toString());
                piece = new StringBuilder(header);
                rows = 0;
            }
            piece.append('\n').append(lines[i]);
            rows++;
        }
        if (rows > 0 || out.isEmpty()) {
            out.add(piece.toString());
        }
        return out;
    }

    private List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text);
        StringBuilder piece = new StringBuilder();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String sentence = text.substring(start, end);
            if (piece.length() > 0 && piece.length() + sentence.length() > maxChars) {
                out.add(piece.toString().strip());
                piece.setLength(0);
            }
            // A single sentence longer than the limit (text with no punctuation) is cut hard.
            while (sentence.length() > maxChars) {
                out.add(sentence.substring(0, maxChars).strip());
                sentence = sentence.substring(maxChars);
            }
            piece.append(sentence);
        }
        if (!piece.toString().isBlank()) {
            out.add(piece.toString().strip());
        }
        return out;
    }
}
