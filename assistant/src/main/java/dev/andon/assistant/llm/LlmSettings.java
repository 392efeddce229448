package dev.andon.assistant.llm;

import dev.andon.core.config.AndonSettings;

import java.time.Duration;
import java.util.Locale;

/**
 * Language-model settings. {@code llm.provider}: {@code none} (default: the offline assistant only), {@code openai}
 * (api.openai.com or any OpenAI-compatible server: vLLM, llama.cpp server, LocalAI — set {@code llm.baseUrl}) or
 * {@code ollama} (Ollama's OpenAI-compatible endpoint; only fills in the defaults {@code http://localhost:11434/v1}
 * and model {@code llama3.1}). Each key is overridable by its environment variable ({@code ANDON_LLM_PROVIDER},
 * {@code ANDON_LLM_BASE_URL}, {@code ANDON_LLM_MODEL}, {@code ANDON_LLM_API_KEY}, {@code ANDON_LLM_TIMEOUT_SECONDS}, …).
 */
public record LlmSettings(String provider, String baseUrl, String model, String apiKey, Duration timeout,
                          double temperature, int memoryMessages, int maxToolCalls, boolean stream) {
    public static final String NONE = "none";
    public static final String OPENAI = "openai";
    public static final String OLLAMA = "ollama";
    static final String OPENAI_URL = "https://api.openai.com/v1";
    static final String OLLAMA_URL = "http://localhost:11434/v1";

    public boolean enabled() {
        return !NONE.equals(provider);
    }

    /** "openai:gpt-4o-mini", or "offline" when no model is configured. */
    public String modelLabel() {
        return enabled() ? provider + ":" + model : "offline";
    }

    /** Reads and checks the settings; a wrong value → {@link IllegalArgumentException} naming the setting and its variable. */
    public static LlmSettings from(AndonSettings s) {
        String provider = s.get("llm.provider", NONE).toLowerCase(Locale.ROOT);
        if (provider.equals("openai-compatible") || provider.equals("openai_compatible")) {
            provider = OPENAI;
        }
        if (!provider.equals(NONE) && !provider.equals(OPENAI) && !provider.equals(OLLAMA)) {
            throw new IllegalArgumentException("setting llm.provider (" + AndonSettings.envName("llm.provider")
                    + ") must be none, openai or ollama; got '" + provider + "'");
        }
        String defaultUrl = provider.equals(OLLAMA) ? OLLAMA_URL : OPENAI_URL;
        String baseUrl = s.get("llm.baseUrl", defaultUrl);
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("setting llm.baseUrl (" + AndonSettings.envName("llm.baseUrl")
                    + ") must be an http:// or https:// URL; got '" + baseUrl + "'");
        }
        String model = s.get("llm.model", provider.equals(OLLAMA) ? "llama3.1" : "gpt-4o-mini");
        String apiKey = s.get("llm.apiKey").orElse(null);
        if (provider.equals(OPENAI) && baseUrl.equals(OPENAI_URL) && apiKey == null) {
            throw new IllegalArgumentException("setting llm.apiKey (" + AndonSettings.envName("llm.apiKey")
                    + ") is required for provider openai at " + OPENAI_URL);
        }
        int timeoutSeconds = s.getInt("llm.timeoutSeconds", 30);
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new IllegalArgumentException("setting llm.timeoutSeconds (" + AndonSettings.envName("llm.timeoutSeconds")
                    + ") must be between 1 and 600; got " + timeoutSeconds);
        }
        double temperature;
        try {
            temperature = Double.parseDouble(s.get("llm.temperature", "0.2"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting llm.temperature (" + AndonSettings.envName("llm.temperature") + ") must be a number");
        }
        int memory = s.getInt("llm.memoryMessages", 20);
        int maxTools = s.getInt("llm.maxToolCalls", 6);
        boolean stream = Boolean.parseBoolean(s.get("llm.stream", "true"));
        return new LlmSettings(provider, baseUrl, model, apiKey, Duration.ofSeconds(timeoutSeconds),
                temperature, Math.max(2, memory), Math.max(1, maxTools), stream);
    }
}
