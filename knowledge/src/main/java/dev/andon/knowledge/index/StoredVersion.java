package dev.andon.knowledge.index;

import dev.andon.knowledge.ingest.DocumentMetadata;
import dev.andon.knowledge.ingest.DocumentSection;

import java.time.Instant;
import java.util.List;

/**
 * One version of one document as held by the index: its metadata, sections, the file it came from (relative to the
 * documents folder, '/' separated) and the content hash of that file plus its sidecar, which tells a restart whether
 * the file changed.
 */
public record StoredVersion(String id, String version, String file, String sidecarFile, String hash, String format,
                            DocumentMetadata metadata, List<DocumentSection> sections, int chunkCount,
                            Instant indexedAt) {
    public StoredVersion {
        sections = List.copyOf(sections);
    }

    public String key() {
        return key(id, version);
    }

    public static String key(String id, String version) {
        return id + "@" + version;
    }

    public StoredVersion movedTo(String newFile, String newSidecar) {
        return new StoredVersion(id, version, newFile, newSidecar, hash, format, metadata, sections, chunkCount, indexedAt);
    }
}
