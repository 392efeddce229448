package dev.andon.rules.governance;

import java.time.Instant;
import java.util.List;

/**
 * A candidate version replayed over stored alerts in the situation each was decided in: how many decisions would
 * change compared with the stored ones, and examples side by side. {@code overBudget} counts alerts whose evaluation
 * went over its time, memory or insert budget (they got the fallback decision); {@code stopped} says why the backtest
 * ended early (an evaluation abandoned, the total time used up), null when it replayed everything.
 */
public record BacktestReport(String version, Instant at, int replayed, int changed, int unchanged, int fallbacks,
                             int overBudget, String stopped, List<Example> examples) {

    public record Example(String alertId, String alert, DecisionSummary before, DecisionSummary after,
                          List<String> differences) {
    }
}
