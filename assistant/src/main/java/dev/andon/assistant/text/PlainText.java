package dev.andon.assistant.text;

import java.util.regex.Pattern;

/**
 * Keeps answer text plain: markup that arrived in a user message or from a language model is never echoed as markup
 * (tags are dropped, stray angle brackets become harmless look-alikes). The UI escapes as well; this is the second
 * line of defence. Approved document text is quoted untouched: safety-critical quotes must stay verbatim.
 */
public final class PlainText {
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z!/?][^<>]{0,500}>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\n\t]]");

    private PlainText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String noTags = TAG.matcher(text).replaceAll("");
        return CONTROL.matcher(noTags).replaceAll("").replace('<', '‹').replace('>', '›');
    }

    /** A short, single-line, markup-free rendering of user text for echoing back (e.g. an unknown name). */
    public static String echo(String text, int maxChars) {
        String c = clean(text).replaceAll("\\s+", " ").trim();
        return c.length() <= maxChars ? c : c.substring(0, maxChars) + "…";
    }
}
