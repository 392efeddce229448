package dev.andon.core.plant;

/**
 * A procedure someone must be qualified for, declared in the plant file (e.g. lock-out/tag-out on press-3). Bound to a
 * line (and station) when it applies there only; {@code document} names the controlled document that teaches it.
 */
public record PlantSkill(String id, String name, String line, String station, String document) {
}
