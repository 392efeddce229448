package dev.andon.assistant;

import java.util.Objects;

/**
 * Where a statement in an answer comes from: document, section and version, with a link and the quoted text if any.
 * {@code safetyCritical} sections are quoted whole and verbatim. {@code uncontrolled}: the document has no owner and
 * no review (a wiki page loaded as it is), so whoever reads the answer is told it is not a controlled document.
 */
public record Citation(String documentId, String title, String version, String section, String sectionPath,
                       String link, String quote, boolean safetyCritical, boolean uncontrolled) {

    /** What an answer says at a citation of an uncontrolled document. */
    public static final String UNCONTROLLED_NOTE = "uncontrolled document — not reviewed by an owner";

    public Citation(String documentId, String title, String version, String section, String sectionPath,
                    String link, String quote) {
        this(documentId, title, version, section, sectionPath, link, quote, false, false);
    }

    public Citation(String documentId, String title, String version, String section, String sectionPath,
                    String link, String quote, boolean safetyCritical) {
        this(documentId, title, version, section, sectionPath, link, quote, safetyCritical, false);
    }

    /** Same document and section (a section cited twice in one answer is listed once). */
    public boolean sameSource(Citation other) {
        return Objects.equals(documentId, other.documentId) && Objects.equals(section, other.section);
    }
}
