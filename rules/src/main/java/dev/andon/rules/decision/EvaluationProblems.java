package dev.andon.rules.decision;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The latest runaway rules and rule failures, for health and for the people who maintain the rules. */
public final class EvaluationProblems {
    private static final int KEEP = 20;
    private final Deque<EvaluationProblem> latest = new ArrayDeque<>();

    public synchronized void report(EvaluationProblem problem) {
        latest.addFirst(problem);
        while (latest.size() > KEEP) {
            latest.removeLast();
        }
    }

    public synchronized List<EvaluationProblem> latest() {
        return List.copyOf(latest);
    }

    /** {@code kind}: runaway-rule, rules-error or no-runbook. */
    public record EvaluationProblem(Instant at, String alertId, String rulesetVersion, String kind, String detail) {
    }
}
