package dev.andon.knowledge;

import dev.andon.core.config.AndonSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeOptionsTest {
    @Test
    void limitsComeFromSettingsWithTheEnvironmentWinning() {
        AndonSettings settings = new AndonSettings(Map.of("ANDON_KNOWLEDGE_MAX_FILE_BYTES", "1048576"),
                Map.of("knowledgeMaxFileBytes", "999", "knowledgeMaxPdfPages", "50", "knowledgePollMillis", "500"));
        KnowledgeOptions o = KnowledgeOptions.fromSettings(settings).build();
        assertThat(o.maxFileBytes()).isEqualTo(1_048_576);
        assertThat(o.maxPdfPages()).isEqualTo(50);
        assertThat(o.pollInterval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void defaultsAreTwentyMegabytesFiveHundredPagesAndTwoMillionCharacters() {
        KnowledgeOptions o = KnowledgeOptions.fromSettings(new AndonSettings(Map.of(), Map.of())).build();
        assertThat(o.maxFileBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(o.maxPdfPages()).isEqualTo(500);
        assertThat(o.maxExtractedChars()).isEqualTo(2_000_000);
        assertThat(o.fusion().rrfK()).isEqualTo(5);
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThatThrownBy(() -> KnowledgeOptions.builder().maxFileBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
