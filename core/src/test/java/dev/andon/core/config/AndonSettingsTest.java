package dev.andon.core.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AndonSettingsTest {

    @Test
    void environmentWinsOverPlantFileWhichWinsOverDefault() {
        AndonSettings s = new AndonSettings(Map.of("ANDON_HTTP_PORT", "9191"),
                Map.of("httpPort", "8181", "rulesDir", "rules"));

        assertThat(s.getInt("httpPort", 8080)).isEqualTo(9191);
        assertThat(s.get("rulesDir", "x")).isEqualTo("rules");
        assertThat(s.get("dataDir", "./data")).isEqualTo("./data");
        assertThat(AndonSettings.envName("llm.baseUrl")).isEqualTo("ANDON_LLM_BASE_URL");
    }

    @Test
    void relativePlantPathsResolveAgainstThePlantFolder() {
        AndonSettings s = new AndonSettings(Map.of(), Map.of("rulesDir", "rules"));
        assertThat(s.path("rulesDir", "rules", Path.of("/plants/acme"))).isEqualTo(Path.of("/plants/acme/rules"));
    }

    @Test
    void badNumberNamesTheVariable() {
        AndonSettings s = new AndonSettings(Map.of("ANDON_HTTP_PORT", "eighty"), Map.of());
        assertThatThrownBy(() -> s.getInt("httpPort", 8080)).hasMessageContaining("ANDON_HTTP_PORT");
    }
}
