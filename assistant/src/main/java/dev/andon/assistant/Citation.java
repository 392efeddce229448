package dev.andon.assistant;

import java.util.Objects;

/**
 * Where a statement in an answer comes from: document, section and version, with a link and the quoted text if any.
 * {@code safetyCritical} sections are quoted whole and verbatim.
 */
public record Citation(String documentId, String title, String version, String section, String sectionPath,
                       String link, String quote, boolean safetyCritical) {

    public Citation(String documentId, String title, String version, String section, String sectionPath,
                    String link, String quote) {
        this(documentId, title, version, section, sectionPath, link, quote, false);
    }

    /** Same document and section (a section cited twice in one answer is listed once). */
    public boolean sameSource(Citation other) {
        return Objects.equals(documentId, other.documentId) && Objects.equals(section, other.section);
    }
}
