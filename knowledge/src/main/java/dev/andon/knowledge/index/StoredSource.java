package dev.andon.knowledge.index;

/** The bytes a version was read from (and its sidecar, or null), kept so a superseded version can be archived. */
public record StoredSource(byte[] content, byte[] sidecar) {
}
