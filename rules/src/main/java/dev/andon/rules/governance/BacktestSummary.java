package dev.andon.rules.governance;

import java.time.Instant;

/**
 * The last backtest of a version, kept with it: when, how many alerts were replayed, how many decisions changed, how
 * many went over the evaluation budget, and why it stopped early (null: it did not).
 */
public record BacktestSummary(Instant at, int replayed, int changed, int fallbacks, int overBudget, String stopped) {
}
