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

    public RunbookEngine(int firingLimit) {
        if (firingLimit < 10) {
            throw new IllegalArgumentException("firing limit must be at least 10, got " + firingLimit);
        }
        this.firingLimit = firingLimit;
    }

    public RuleRun run(CompiledRuleset ruleset, Collection<?> facts) {
        DecisionDraft draft = new DecisionDraft();
        KieSession session = ruleset.sessions().newKieSession();
        FiringRecorder recorder = null;
        try {
            // A pooled session's reset leaves activation groups spent: without this, every routing row would fire.
            session.getAgenda().clear();
            session.setGlobal(RulesetCompiler.DECISION_GLOBAL, draft);
            FactHandle runbook = session.insert(draft.getRunbook());
            for (Object fact : facts) {
                session.insert(fact);
            }
            recorder = new FiringRecorder(draft, session, runbook);
            session.addEventListener(recorder);
            // Focus is a stack: thresholds runs first, then routing, then the MAIN group.
            session.getAgenda().getAgendaGroup(ROUTING).setFocus();
            session.getAgenda().getAgendaGroup(THRESHOLDS).setFocus();
            int fired = session.fireAllRules(firingLimit);
            Map.Entry<String, Integer> busiest = recorder.mostFired();
            return new RuleRun(draft, fired, fired >= firingLimit, busiest.getKey(), busiest.getValue());
        } finally {
            if (recorder != null) {
                session.removeEventListener(recorder);
            }
            // Back to the pool, reset.
            session.dispose();
        }
    }

    public int firingLimit() {
        return firingLimit;
    }
}
