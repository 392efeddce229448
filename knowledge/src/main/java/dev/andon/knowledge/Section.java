package dev.andon.knowledge;

import java.util.List;

/** A whole section of the current (or a named) version of a document, with the text to quote. */
public record Section(String documentId, String title, String type, String version, String section,
                      String sectionPath, String heading, String text, boolean safetyCritical, List<String> roles,
                      List<String> lines, List<String> stations, String language, String link) {
}
