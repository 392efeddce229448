package dev.andon.knowledge;

/**
 * What a delete request did: {@code deleted} (an uncontrolled document, gone now) or {@code pending} (a controlled
 * one: the deletion waits for approval by its owner role, {@code draft} says what is pending).
 */
public record DeleteOutcome(String documentId, String version, String status, DraftInfo draft) {
    public static final String DELETED = "deleted";
    public static final String PENDING = "pending";
}
