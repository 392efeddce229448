package dev.andon.assistant;

/** Where a statement in an answer comes from: document, section and version, with a link and the quoted text if any. */
public record Citation(String documentId, String title, String version, String section, String sectionPath,
                       String link, String quote) {
}
