package dev.andon.assistant;

import java.util.function.Consumer;

/** Answers people on the floor from the rules' decisions, the knowledge base and live line status — never without a source. */
public interface AndonAssistant {
    ChatAnswer answer(ChatRequest request);

    /**
     * Same answer, with text pieces handed to {@code tokens} as they are produced (for server-sent events); the
     * returned answer is the complete one, citations included.
     */
    default ChatAnswer answer(ChatRequest request, Consumer<String> tokens) {
        ChatAnswer answer = answer(request);
        tokens.accept(answer.text());
        return answer;
    }
}
