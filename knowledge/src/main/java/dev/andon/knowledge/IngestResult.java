package dev.andon.knowledge;

import java.util.List;

/**
 * What an upload did: the document and version it holds, the file it was written to, whether it is now the current
 * version, and which older versions it superseded (archived under {@code archive/}).
 */
public record IngestResult(String documentId, String version, String title, String file, int sections, int chunks,
                           boolean current, List<String> supersededVersions, String link) {
}
