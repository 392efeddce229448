package dev.andon.connectors.out;

import java.time.Duration;

/** How often and how patiently a notification is tried: the wait doubles from {@code initial} up to {@code max}. */
public record RetryPolicy(int attempts, Duration initial, Duration max) {
    public Duration waitBefore(int attempt) {
        long ms = initial.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        return Duration.ofMillis(Math.min(ms, max.toMillis()));
    }
}
