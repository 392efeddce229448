package dev.andon.assistant;

/** Answers people on the floor from the rules' decisions, the knowledge base and live line status — never without a source. */
public interface AndonAssistant {
    ChatAnswer answer(ChatRequest request);
}
