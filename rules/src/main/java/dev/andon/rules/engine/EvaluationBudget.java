package dev.andon.rules.engine;

import java.time.Duration;

/**
 * What one evaluation of a not-yet-approved ruleset may use: wall-clock time, bytes allocated by the evaluating thread
 * and facts inserted. Checked by {@link BudgetGuard} before every rule firing and every insert; the caller
 * ({@code Backtester}) also waits for the evaluation on another thread and abandons it past {@code time} plus a grace,
 * for a single action or condition that never returns to the engine.
 */
public record EvaluationBudget(Duration time, long maxAllocatedBytes, int maxInserts) {
    public EvaluationBudget {
        if (time == null || time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("an evaluation budget needs a positive time");
        }
        if (maxAllocatedBytes <= 0 || maxInserts <= 0) {
            throw new IllegalArgumentException("an evaluation budget needs positive allocation and insert limits");
        }
    }
}
