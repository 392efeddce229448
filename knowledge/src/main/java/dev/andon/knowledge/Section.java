package dev.andon.knowledge;

import java.util.List;

/**
 * A whole section of the current (or a named) version of a document, with the text to quote. {@code uncontrolled}: the
 * document has no owner and is not safety-critical, so a citation says it is not a controlled document.
 */
public record Section(String documentId, String title, String type, String version, String section,
                      String sectionPath, String heading, String text, boolean safetyCritical, List<String> roles,
                      List<String> lines, List<String> stations, String language, String link,
                      boolean uncontrolled) {
    public Section(String documentId, String title, String type, String version, String section, String sectionPath,
                   String heading, String text, boolean safetyCritical, List<String> roles, List<String> lines,
                   List<String> stations, String language, String link) {
        this(documentId, title, type, version, section, sectionPath, heading, text, safetyCritical, roles, lines,
                stations, language, link, false);
    }
}
