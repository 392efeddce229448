package dev.andon.assistant.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * Builds the chat models for a provider. OpenAI, OpenAI-compatible servers and Ollama (through its
 * OpenAI-compatible {@code /v1} endpoint) all speak the chat-completions protocol, so one client serves them all.
 */
public final class ChatModels {
    /** Servers such as Ollama or llama.cpp ignore the key, but the client insists on one. */
    private static final String NO_KEY = "not-needed";

    private ChatModels() {
    }

    public static ChatModel chatModel(LlmSettings s) {
        return OpenAiChatModel.builder()
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey() == null ? NO_KEY : s.apiKey())
                .modelName(s.model())
                .temperature(s.temperature())
                .timeout(s.timeout())
                // the offline assistant is the retry: a second wait would only delay the fallback
                .maxRetries(0)
                .build();
    }

    public static StreamingChatModel streamingChatModel(LlmSettings s) {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey() == null ? NO_KEY : s.apiKey())
                .modelName(s.model())
                .temperature(s.temperature())
                .timeout(s.timeout())
                .build();
    }
}
