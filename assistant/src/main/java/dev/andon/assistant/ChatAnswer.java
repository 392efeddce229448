package dev.andon.assistant;

import java.util.List;

/**
 * An answer: text, the citations it rests on as data, the recognised intent, and the mode that produced it
 * ({@code offline}, {@code llm}, or {@code offline-fallback} when the LLM failed).
 */
public record ChatAnswer(String answerId, String conversationId, String text, List<Citation> citations,
                         String intent, String mode) {
    public ChatAnswer {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
