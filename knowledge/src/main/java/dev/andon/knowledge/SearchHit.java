package dev.andon.knowledge;

/**
 * One section that matches a query. {@code section} is the section number as written in the document ("4.2"),
 * {@code sectionPath} the breadcrumb ("LOTO-PRESS-01 › 4 Isolation › 4.2 Isolate hydraulic energy"), {@code link} a
 * stable API link to the section. {@code uncontrolled} is true when the document has no owner and is not
 * safety-critical (typically a wiki page loaded as it is): the assistant says so when it cites it.
 */
public record SearchHit(String documentId, String title, String type, String version, String section,
                        String sectionPath, String heading, String snippet, double score, String link,
                        boolean safetyCritical, boolean uncontrolled) {
    /** A hit whose control status is not known yet (the retriever's view); the knowledge base fills it in. */
    public SearchHit(String documentId, String title, String type, String version, String section, String sectionPath,
                     String heading, String snippet, double score, String link, boolean safetyCritical) {
        this(documentId, title, type, version, section, sectionPath, heading, snippet, score, link, safetyCritical, false);
    }

    public SearchHit withUncontrolled(boolean value) {
        return value == uncontrolled ? this : new SearchHit(documentId, title, type, version, section, sectionPath,
                heading, snippet, score, link, safetyCritical, value);
    }
}
