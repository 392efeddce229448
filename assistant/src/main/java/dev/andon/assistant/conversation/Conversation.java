package dev.andon.assistant.conversation;

import java.time.Instant;

/** A conversation belongs to one user; {@code messages} counts both sides. */
public record Conversation(String id, String userId, String role, String line, Instant createdAt, Instant updatedAt,
                           int messages, ConversationContext context) {
    public Conversation {
        context = context == null ? ConversationContext.empty() : context;
    }

    public static Conversation start(String id, String userId, String role, String line, Instant at) {
        return new Conversation(id, userId, role, line, at, at, 0, ConversationContext.empty());
    }

    public Conversation next(ConversationContext newContext, String role, String line, Instant at, int added) {
        return new Conversation(id, userId, role, line, createdAt, at, messages + added, newContext);
    }
}
