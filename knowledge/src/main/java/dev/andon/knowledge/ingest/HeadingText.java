package dev.andon.knowledge.ingest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A heading split into its section number ("4.2") and its words ("Isolate hydraulic energy"). */
public record HeadingText(String number, String title, boolean safetyCriticalMarker) {
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d{1,3}(?:\\.\\d{1,3})*)\\.?\\s+(\\S.*)$");
    private static final Pattern MARKER = Pattern.compile("\\s*\\[(?i:safety[- ]critical)]\\s*$");

    /** Number is null when the heading is not numbered. */
    public static HeadingText parse(String heading) {
        String h = heading.strip();
        boolean marker = false;
        Matcher m = MARKER.matcher(h);
        if (m.find()) {
            marker = true;
            h = h.substring(0, m.start()).strip();
        }
        Matcher n = NUMBERED.matcher(h);
        if (n.matches()) {
            return new HeadingText(n.group(1), n.group(2).strip(), marker);
        }
        return new HeadingText(null, h, marker);
    }

    /** Depth of a section number: "4" is 1, "4.2" is 2. */
    public static int depth(String number) {
        return number.split("\\.").length;
    }

    /** A URL-safe key for an unnumbered heading ("Scope and purpose" → "scope-and-purpose"). */
    public static String slug(String title) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-$", "");
        }
        return s.isEmpty() ? "section" : s;
    }
}
