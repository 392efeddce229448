package dev.andon.assistant;

import java.util.List;

/**
 * An answer: text, the citations it rests on as data, the recognised intent, and the mode that produced it
 * ({@code offline}, {@code llm}, or {@code offline-fallback} when the LLM failed). {@code model} names the language
 * model used ({@code offline} when none), {@code alertIds} the alerts the answer speaks about, and
 * {@code pendingConfirmation} is set when an action waits for the user's explicit "yes" in this conversation.
 */
public record ChatAnswer(String answerId, String conversationId, String text, List<Citation> citations,
                         String intent, String mode, String model, List<String> alertIds,
                         PendingConfirmation pendingConfirmation) {
    public ChatAnswer {
        citations = citations == null ? List.of() : List.copyOf(citations);
        alertIds = alertIds == null ? List.of() : List.copyOf(alertIds);
    }

    public ChatAnswer(String answerId, String conversationId, String text, List<Citation> citations,
                      String intent, String mode) {
        this(answerId, conversationId, text, citations, intent, mode, null, List.of(), null);
    }
}
