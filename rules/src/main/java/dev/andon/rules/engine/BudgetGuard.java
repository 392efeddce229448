package dev.andon.rules.engine;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

import java.lang.management.ManagementFactory;

/**
 * Enforces an {@link EvaluationBudget} from inside the engine: before each rule firing and after each insert it
 * checks elapsed time, the bytes the evaluating thread allocated since the start (HotSpot's per-thread allocation
 * counter, {@code com.sun.management.ThreadMXBean}) and the inserts so far, and halts the session at the first one
 * over its limit. The overshoot is at most one rule action, and actions cannot loop (the sandbox gate refuses loops).
 */
final class BudgetGuard {
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private final EvaluationBudget budget;
    private final KieSession session;
    private final long startNanos = System.nanoTime();
    private final long startAllocated = allocated();
    private int inserts;
    private String exceeded;

    final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            check();
        }
    };
    final DefaultRuleRuntimeEventListener inserted = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            inserts++;
            check();
        }
    };

    BudgetGuard(EvaluationBudget budget, KieSession session) {
        this.budget = budget;
        this.session = session;
    }

    /** Null while within budget, else what was exceeded, in words. */
    String exceeded() {
        return exceeded;
    }

    private void check() {
        if (exceeded != null) {
            return;
        }
        long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
        long bytes = allocated() - startAllocated;
        if (elapsedMillis > budget.time().toMillis()) {
            exceeded = "ran " + elapsedMillis + " ms, over the budget of " + budget.time().toMillis() + " ms";
        } else if (THREADS != null && bytes > budget.maxAllocatedBytes()) {
            exceeded = "allocated " + bytes / (1024 * 1024) + " MiB, over the budget of "
                    + budget.maxAllocatedBytes() / (1024 * 1024) + " MiB";
        } else if (inserts > budget.maxInserts()) {
            exceeded = "inserted more than " + budget.maxInserts() + " facts";
        }
        if (exceeded != null) {
            session.halt();
        }
    }

    private static long allocated() {
        return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            if (!t.isThreadAllocatedMemoryEnabled()) {
                t.setThreadAllocatedMemoryEnabled(true);
            }
            return t;
        }
        return null;
    }
}
