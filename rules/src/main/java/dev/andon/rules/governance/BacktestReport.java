package dev.andon.rules.governance;

import java.time.Instant;
import java.util.List;

/**
 * A candidate version replayed over stored alerts in the situation each was decided in: how many decisions would
 * change compared with the stored ones, and examples side by side.
 */
public record BacktestReport(String version, Instant at, int replayed, int changed, int unchanged, int fallbacks,
                             List<Example> examples) {

    public record Example(String alertId, String alert, DecisionSummary before, DecisionSummary after,
                          List<String> differences) {
    }
}
