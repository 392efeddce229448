package dev.andon.assistant.answer;

import dev.andon.assistant.PendingConfirmation;

import java.time.Instant;

/**
 * An action waiting for the user's own "yes" as the next message of this conversation. It is kept in the
 * conversation (so a restart does not lose or duplicate it) and lapses after one turn or at {@code expiresAt}.
 */
public record PendingAction(String action, String alertId, String requestedBy, Instant createdAt, Instant expiresAt,
                            String prompt) {
    public static final String ACKNOWLEDGE = "acknowledge";

    public PendingConfirmation toConfirmation() {
        return new PendingConfirmation(action, alertId, prompt, expiresAt);
    }
}
