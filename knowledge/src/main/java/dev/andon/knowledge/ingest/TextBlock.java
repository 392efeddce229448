package dev.andon.knowledge.ingest;

/**
 * A block of a section's body: a paragraph, a table, a quote or a list. {@code list} blocks hold numbered or bulleted
 * steps and are never split across chunks, so a step list is always retrieved whole.
 */
public record TextBlock(String text, boolean list) {
}
