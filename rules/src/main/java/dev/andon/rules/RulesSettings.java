package dev.andon.rules;

import dev.andon.core.config.AndonSettings;
import dev.andon.core.plant.Plant;
import dev.andon.rules.engine.EvaluationBudget;
import dev.andon.rules.intake.NoiseSettings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The rules module's settings, each overridable by environment variable (ANDON_DEDUP_WINDOW_MINUTES…) or the plant
 * file's settings block. Defaults in parentheses in docs/rules.md.
 */
public record RulesSettings(Path rulesDir, NoiseSettings noise, int firingLimit, long rulesetMaxBytes,
                           int rulesetMaxFiles, int backtestMaxAlerts, Duration maxSilence, Duration modelSilentAfter,
                           Duration escalationTick, Duration heartbeatCheck, EvaluationBudget backtestAlertBudget,
                           Duration backtestTimeout, int intakeQueueSize) {

    /**
     * Alerts waiting for their commit before intake answers 503: about one second at the 5,000 alerts/s Andon is
     * sized for, a few MB of heap. More would only make senders wait longer than they would before retrying.
     */
    public static final int DEFAULT_INTAKE_QUEUE = 5_000;

    public static RulesSettings from(AndonSettings s, Plant plant) {
        NoiseSettings noise = new NoiseSettings(
                Duration.ofMinutes(positive(s, "dedupWindowMinutes", 10)),
                Duration.ofSeconds(positive(s, "stormWindowSeconds", 120)),
                (int) positive(s, "stormSize", 5),
                Duration.ofMinutes(positive(s, "flapWindowMinutes", 30)),
                (int) positive(s, "flapReopenings", 2),
                Duration.ofMinutes(positive(s, "historyWindowMinutes", 60)));
        return new RulesSettings(
                s.path("rulesDir", "rules", plant.baseDir()),
                noise,
                (int) positive(s, "ruleFiringLimit", 1000),
                positive(s, "rulesetMaxBytes", 2L * 1024 * 1024),
                (int) positive(s, "rulesetMaxFiles", 50),
                (int) positive(s, "backtestMaxAlerts", 1000),
                Duration.ofHours(positive(s, "maxSilenceHours", 168)),
                Duration.ofMinutes(positive(s, "modelSilentAfterMinutes", 10)),
                Duration.ofMillis(s.getLong("escalationTickMillis", 1000)),
                Duration.ofSeconds(s.getLong("heartbeatCheckSeconds", 30)),
                new EvaluationBudget(Duration.ofMillis(positive(s, "backtestAlertMillis", 5000)),
                        positive(s, "backtestAlertMaxMb", 64) * 1024 * 1024,
                        (int) positive(s, "backtestAlertMaxInserts", 10_000)),
                Duration.ofSeconds(positive(s, "backtestTimeoutSeconds", 600)),
                (int) positive(s, "intakeQueueSize", DEFAULT_INTAKE_QUEUE));
    }

    private static long positive(AndonSettings s, String key, long defaultValue) {
        long v = s.getLong(key, defaultValue);
        if (v <= 0) {
            throw new IllegalArgumentException("setting " + key + " (" + AndonSettings.envName(key) + ") must be positive, got " + v);
        }
        return v;
    }
}
