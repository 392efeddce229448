package dev.andon.assistant.conversation;

import dev.andon.assistant.Citation;
import dev.andon.assistant.PendingConfirmation;

import java.time.Instant;
import java.util.List;

/**
 * One message as the UI shows it: {@code author} is {@code user} or {@code assistant}; assistant messages carry their
 * answer id (for feedback), intent, mode, model and citations.
 */
public record ConversationMessage(long seq, String author, String userId, String text, String answerId,
                                  String intent, String mode, String model, List<Citation> citations,
                                  PendingConfirmation pendingConfirmation, Instant at) {
    public ConversationMessage {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
}
