package dev.andon.assistant.llm;

import dev.andon.core.config.AndonSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmSettingsTest {
    private static LlmSettings from(Map<String, String> env, Map<String, String> plant) {
        return LlmSettings.from(new AndonSettings(env, plant));
    }

    @Test
    void noProviderMeansOffline() {
        LlmSettings s = from(Map.of(), Map.of());
        assertThat(s.enabled()).isFalse();
        assertThat(s.modelLabel()).isEqualTo("offline");
    }

    @Test
    void ollamaOnlyFillsInItsOpenAiCompatibleDefaults() {
        LlmSettings s = from(Map.of("ANDON_LLM_PROVIDER", "ollama"), Map.of());
        assertThat(s.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(s.model()).isEqualTo("llama3.1");
        assertThat(s.apiKey()).isNull();
        assertThat(s.modelLabel()).isEqualTo("ollama:llama3.1");
    }

    @Test
    void theEnvironmentWinsOverThePlantFile() {
        LlmSettings s = from(Map.of("ANDON_LLM_MODEL", "qwen2.5:7b", "ANDON_LLM_TIMEOUT_SECONDS", "12"),
                Map.of("llm.provider", "ollama", "llm.model", "llama3.1", "llm.baseUrl", "http://gpu-box:11434/v1"));
        assertThat(s.model()).isEqualTo("qwen2.5:7b");
        assertThat(s.baseUrl()).isEqualTo("http://gpu-box:11434/v1");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void badValuesNameTheSettingAndItsVariable() {
        assertThatThrownBy(() -> from(Map.of("ANDON_LLM_PROVIDER", "gpt"), Map.of()))
                .hasMessageContaining("llm.provider (ANDON_LLM_PROVIDER) must be none, openai or ollama; got 'gpt'");
        assertThatThrownBy(() -> from(Map.of("ANDON_LLM_PROVIDER", "openai"), Map.of()))
                .hasMessageContaining("llm.apiKey (ANDON_LLM_API_KEY) is required");
        assertThatThrownBy(() -> from(Map.of("ANDON_LLM_PROVIDER", "ollama", "ANDON_LLM_BASE_URL", "gpu-box:11434"), Map.of()))
                .hasMessageContaining("llm.baseUrl (ANDON_LLM_BASE_URL) must be an http:// or https:// URL");
        assertThatThrownBy(() -> from(Map.of("ANDON_LLM_TIMEOUT_SECONDS", "0"), Map.of()))
                .hasMessageContaining("llm.timeoutSeconds (ANDON_LLM_TIMEOUT_SECONDS) must be between 1 and 600");
    }

    @Test
    void anOpenAiCompatibleServerNeedsNoKey() {
        LlmSettings s = from(Map.of("ANDON_LLM_PROVIDER", "openai-compatible", "ANDON_LLM_BASE_URL", "http://vllm:8000/v1",
                "ANDON_LLM_MODEL", "mistral-7b"), Map.of());
        assertThat(s.provider()).isEqualTo("openai");
        assertThat(s.modelLabel()).isEqualTo("openai:mistral-7b");
    }
}
