package dev.andon.knowledge;

import dev.andon.knowledge.index.StoredVersion;
import dev.andon.knowledge.ingest.DocumentMetadata;
import dev.andon.knowledge.ingest.DocumentSection;
import dev.andon.knowledge.ingest.ReadDocument;

import java.util.List;

/**
 * Whether a document is controlled: it names an owner, or any of it is safety-critical. A controlled document changes
 * (new version, deletion) only with the approval of someone holding its owner role; an uncontrolled one (a wiki page
 * loaded as it is) changes on upload.
 */
final class Control {
    private Control() {
    }

    static boolean controlled(DocumentMetadata m, List<DocumentSection> sections) {
        return (m.owner() != null && !m.owner().isBlank()) || (m.ownerRole() != null && !m.ownerRole().isBlank())
                || m.safetyCriticalAll() || sections.stream().anyMatch(DocumentSection::safetyCritical);
    }

    static boolean controlled(StoredVersion v) {
        return controlled(v.metadata(), v.sections());
    }

    static boolean controlled(ReadDocument d) {
        return controlled(d.metadata(), d.sections());
    }
}
