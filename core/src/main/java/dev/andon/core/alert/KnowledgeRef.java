package dev.andon.core.alert;

/**
 * A pointer from a runbook step into the knowledge base: document id and section number as written in the document
 * (for example {@code SOP-L2-PRESS-VIB}, {@code 3.2}).
 */
public record KnowledgeRef(String documentId, String section) {
}
