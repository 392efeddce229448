package dev.andon.assistant;

import java.time.Instant;

/**
 * An action the assistant will only carry out after the same user answers "yes" (or "confirm") as the next message
 * of the same conversation; {@code prompt} is what the user is asked, {@code expiresAt} when the offer lapses.
 */
public record PendingConfirmation(String action, String alertId, String prompt, Instant expiresAt) {
}
