package dev.andon.knowledge;

/**
 * One section that matches a query. {@code section} is the section number as written in the document ("4.2"),
 * {@code sectionPath} the breadcrumb ("LOTO-PRESS-01 › 4 Isolation › 4.2 Isolate hydraulic energy"), {@code link} a
 * stable API link to the section.
 */
public record SearchHit(String documentId, String title, String type, String version, String section,
                        String sectionPath, String heading, String snippet, double score, String link,
                        boolean safetyCritical) {
}
