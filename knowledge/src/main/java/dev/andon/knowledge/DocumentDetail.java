package dev.andon.knowledge;

import java.util.List;

/**
 * A document version with all its sections (in reading order, each with its own text and subsections) and the whole
 * version history of the document, newest first. {@code current} is false for a superseded version.
 */
public record DocumentDetail(DocumentInfo info, boolean current, boolean safetyCritical, String format, String file,
                             List<Section> sections, List<DocumentVersionInfo> versions) {
}
