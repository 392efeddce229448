package dev.andon.knowledge;

import java.util.List;

/**
 * What an upload did: the document and version it holds, the file it was written to, whether it is now the current
 * version, and which older versions it superseded (archived under {@code archive/}). {@code status} is
 * {@code current}, {@code superseded} (kept, a higher version is current) or {@code draft} (a version of a controlled
 * document, waiting for approval: not searchable, not cited). {@code uncontrolled}: the document has no owner and is
 * not safety-critical.
 */
public record IngestResult(String documentId, String version, String title, String file, int sections, int chunks,
                           boolean current, List<String> supersededVersions, String link, String status,
                           boolean uncontrolled) {
    public static final String CURRENT = "current";
    public static final String SUPERSEDED = "superseded";
    public static final String DRAFT = "draft";
}
