package dev.andon.core.connector;

import java.time.Instant;

/**
 * One outbound notification of one event to one sink, keyed by {@code key} (sink + event) so that the same event is
 * never delivered twice, not even after a restart. {@code body} is what is sent, kept until delivered so a pending
 * delivery survives a restart.
 */
public record Delivery(String key, String sink, String status, int attempts, String body, String lastError,
                       Instant createdAt, Instant updatedAt) {
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String DEAD = "dead";

    public Delivery attempted(String newStatus, String error, Instant at) {
        return new Delivery(key, sink, newStatus, attempts + 1, DELIVERED.equals(newStatus) ? null : body, error,
                createdAt, at);
    }
}
