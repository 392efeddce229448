package dev.andon.knowledge;

import dev.andon.knowledge.ingest.DocumentSection;

import java.util.List;

/** A pending draft with its sections, for the reviewer; never searchable or citable until approved. */
public record DraftDetail(DraftInfo draft, List<DocumentSection> sections) {
}
