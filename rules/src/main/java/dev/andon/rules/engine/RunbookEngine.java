package dev.andon.rules.engine;

import dev.andon.rules.facts.DecisionDraft;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.Collection;
import java.util.Map;

/**
 * Runs a compiled ruleset over one alert's facts in a fresh session (a pooled one, reset: empty working memory,
 * new global, own listener), in three phases by agenda group: thresholds (confidence band), routing (runbook and
 * owner), then everything else. A firing limit cuts off runaway rules.
 */
public final class RunbookEngine {
    public static final String THRESHOLDS = "thresholds";
    public static final String ROUTING = "routing";

    private final int firingLimit;
    private final EvaluationBudget budget;

    public RunbookEngine(int firingLimit) {
        this(firingLimit, null);
    }

    /** With a budget for rulesets nobody approved yet (backtests); null for none beyond the firing limit. */
    public RunbookEngine(int firingLimit, EvaluationBudget budget) {
        this.budget = budget;
        if (firingLimit < 10) {
            throw new IllegalArgumentException("firing limit must be at least 10, got " + firingLimit);
        }
        this.firingLimit = firingLimit;
    }

    public RuleRun run(CompiledRuleset ruleset, Collection<?> facts) {
        DecisionDraft draft = new DecisionDraft();
        // A budgeted run (a ruleset not approved yet) gets a session of its own, never one from the pool live
        // decisions use: it may be halted or abandoned half-way.
        KieSession session = budget == null ? ruleset.sessions().newKieSession() : ruleset.kieBase().newKieSession();
        FiringRecorder recorder = null;
        BudgetGuard guard = null;
        try {
            // A pooled session's reset leaves activation groups spent: without this, every routing row would fire.
            session.getAgenda().clear();
            session.setGlobal(RulesetCompiler.DECISION_GLOBAL, draft);
            if (budget != null) {
                guard = new BudgetGuard(budget, session);
                session.addEventListener(guard.agenda);
                session.addEventListener(guard.inserted);
            }
            FactHandle runbook = session.insert(draft.getRunbook());
            for (Object fact : facts) {
                session.insert(fact);
            }
            recorder = new FiringRecorder(draft, session, runbook);
            session.addEventListener(recorder);
            // Focus is a stack: thresholds runs first, then routing, then the MAIN group.
            focus(session, ROUTING);
            focus(session, THRESHOLDS);
            int fired = session.fireAllRules(firingLimit);
            Map.Entry<String, Integer> busiest = recorder.mostFired();
            String overBudget = guard == null ? null : guard.exceeded();
            return new RuleRun(draft, fired, overBudget == null && fired >= firingLimit, busiest.getKey(),
                    busiest.getValue(), overBudget);
        } finally {
            if (recorder != null) {
                session.removeEventListener(recorder);
            }
            if (guard != null) {
                session.removeEventListener(guard.agenda);
                session.removeEventListener(guard.inserted);
            }
            // Back to the pool, reset (a budgeted run's own session is simply disposed).
            session.dispose();
        }
    }

    /** A ruleset without rules in a phase has no agenda group of that name (a fresh session then answers null). */
    private static void focus(KieSession session, String group) {
        var agendaGroup = session.getAgenda().getAgendaGroup(group);
        if (agendaGroup != null) {
            agendaGroup.setFocus();
        }
    }

    public EvaluationBudget budget() {
        return budget;
    }

    public int firingLimit() {
        return firingLimit;
    }
}
