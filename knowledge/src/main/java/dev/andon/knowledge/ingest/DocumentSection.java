package dev.andon.knowledge.ingest;

import java.util.List;

/**
 * One section of a read document. {@code number} is the key ("4.2"; a slug for unnumbered headings, "0" for text
 * before the first heading), {@code ancestors} the keys of the enclosing sections (outermost first), {@code text} the
 * section's own body without its subsections.
 */
public record DocumentSection(String number, String heading, int level, List<String> ancestors, String path,
                              String text, boolean safetyCritical) {
    public DocumentSection {
        ancestors = List.copyOf(ancestors);
    }

    /** "4.2 Isolate hydraulic energy", or just the heading for unnumbered sections. */
    public String label() {
        return heading == null || heading.isEmpty() ? number
                : Character.isDigit(number.charAt(0)) && !number.equals("0") ? number + " " + heading : heading;
    }
}
