package dev.andon.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Plain text (and the text layer of PDFs): numbered headings ("4.2 Isolate hydraulic energy") start sections, runs
 * of list lines ("1. …", "- …") form unsplittable step lists, blank lines separate paragraphs.
 */
public final class PlainTextParser {
    // A heading is a short numbered line whose number is not followed by a dot or bracket (that would be a list item).
    private static final Pattern HEADING = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})*)\\s+(\\p{Lu}[^\\n]{0,100})$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:\\d{1,3}[.)]|[-*•–])\\s+\\S.*");

    public RawDocument parse(String fileName, String text, Map<String, Object> sidecar) {
        FrontMatter.Split split = FrontMatter.split(fileName, text);
        Map<String, Object> fields = split.present() ? split.fields() : sidecar;
        return structure(fields, split.body());
    }

    /** Structures already-extracted text (used for PDFs too). */
    public RawDocument structure(Map<String, Object> fields, String body) {
        String[] lines = body.replace("\r", "").split("\n", -1);
        List<RawSection> sections = new ArrayList<>();
        RawSection current = new RawSection(null, 0);
        sections.add(current);
        String title = null;
        StringBuilder block = new StringBuilder();
        boolean blockIsList = false;
        boolean seenText = false;
        for (String raw : lines) {
            String line = raw.stripTrailing();
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                current.add(new TextBlock(block.toString().strip(), blockIsList));
                block.setLength(0);
                blockIsList = false;
                continue;
            }
            if (isHeading(trimmed)) {
                current.add(new TextBlock(block.toString().strip(), blockIsList));
                block.setLength(0);
                blockIsList = false;
                HeadingText h = HeadingText.parse(trimmed);
                current = new RawSection(trimmed, HeadingText.depth(h.number()));
                sections.add(current);
                seenText = true;
                continue;
            }
            if (!seenText && title == null && block.length() == 0) {
                // The first line of a document without a heading before it reads as its title.
                title = trimmed;
                seenText = true;
                continue;
            }
            seenText = true;
            boolean item = LIST_ITEM.matcher(line).matches();
            boolean continuation = blockIsList && !item && Character.isWhitespace(raw.charAt(0));
            if (item && !blockIsList && block.length() > 0) {
                current.add(new TextBlock(block.toString().strip(), false));
                block.setLength(0);
            } else if (!item && !continuation && blockIsList) {
                current.add(new TextBlock(block.toString().strip(), true));
                block.setLength(0);
                blockIsList = false;
            }
            if (item) {
                blockIsList = true;
            }
            if (block.length() > 0) {
                block.append('\n');
            }
            block.append(line);
        }
        current.add(new TextBlock(block.toString().strip(), blockIsList));
        return new RawDocument(fields, title, sections);
    }

    static boolean isHeading(String trimmed) {
        if (!HEADING.matcher(trimmed).matches()) {
            return false;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        return last != '.' && last != ':' && last != ';' && last != ',';
    }
}
