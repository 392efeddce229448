package dev.andon.assistant;

import dev.andon.core.identity.Principal;

/**
 * A message from a signed-in person. {@code asker} is who is asking (from sign-in, never from the message);
 * {@code role} is the one of their roles they ask in and {@code line} the line they ask about; {@code conversationId}
 * null starts a new conversation.
 */
public record ChatRequest(String userId, String role, String line, String conversationId, String message,
                          Principal asker) {
    /** In-process use (tests, benches): the asker is the plant person {@code userId}. */
    public ChatRequest(String userId, String role, String line, String conversationId, String message) {
        this(userId, role, line, conversationId, message, null);
    }
}
