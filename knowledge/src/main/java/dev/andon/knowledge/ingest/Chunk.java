package dev.andon.knowledge.ingest;

/** A retrievable piece of a section: whole blocks only, so a step list is never cut. */
public record Chunk(int ordinal, String section, String text) {
}
