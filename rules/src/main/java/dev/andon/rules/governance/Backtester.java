package dev.andon.rules.governance;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.Decision;
import dev.andon.core.line.StationStatus;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;
import dev.andon.rules.decision.DecisionInputs;
import dev.andon.rules.decision.DecisionInputsStore;
import dev.andon.rules.decision.FallbackDecisions;
import dev.andon.rules.decision.HistoryCounts;
import dev.andon.rules.decision.RunbookDecider;
import dev.andon.rules.engine.CompiledRuleset;
import dev.andon.rules.silence.Silence;
import dev.andon.rules.silence.Silences;
import dev.andon.core.error.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays stored alerts through a candidate ruleset, each in the situation it was decided in (same time, so the same
 * shift; same station state, history and silences), and compares with the decision that was stored.
 */
public final class Backtester {
    private static final Logger LOG = LoggerFactory.getLogger(Backtester.class);
    private final AlertStore alerts;
    private final DecisionInputsStore inputs;
    private final Silences silences;
    private final RunbookDecider decider;
    private final Clock clock;
    private final int maxAlerts;
    private final int maxExamples;
    private final Duration alertTimeout;
    private final Duration totalTimeout;

    /**
     * {@code decider} should run with an evaluation budget (see Runbooks); {@code alertTimeout} is how long one alert's
     * evaluation may take before it is abandoned (the budget's time plus a grace, since the engine stops itself at
     * the budget between firings), {@code totalTimeout} the whole backtest's.
     */
    public Backtester(AlertStore alerts, DecisionInputsStore inputs, Silences silences, RunbookDecider decider,
                      Clock clock, int maxAlerts, int maxExamples, Duration alertTimeout, Duration totalTimeout) {
        this.alerts = alerts;
        this.inputs = inputs;
        this.silences = silences;
        this.decider = decider;
        this.clock = clock;
        this.maxAlerts = maxAlerts;
        this.maxExamples = maxExamples;
        this.alertTimeout = alertTimeout.plus(GRACE);
        this.totalTimeout = totalTimeout;
    }

    private static final Duration GRACE = Duration.ofMillis(500);

    /**
     * Replays on a thread of its own: an alert whose evaluation does not come back within {@code alertTimeout} is
     * abandoned (the thread is interrupted and left behind as a daemon) and the backtest stops there, saying why.
     */
    public BacktestReport run(CompiledRuleset candidate) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "andon-backtest-" + candidate.version());
            t.setDaemon(true);
            return t;
        });
        try {
            return replay(candidate, worker);
        } finally {
            worker.shutdownNow();
        }
    }

    private BacktestReport replay(CompiledRuleset candidate, ExecutorService worker) {
        int replayed = 0;
        int changed = 0;
        int fallbacks = 0;
        int overBudget = 0;
        String stopped = null;
        long deadline = System.nanoTime() + totalTimeout.toNanos();
        List<BacktestReport.Example> examples = new ArrayList<>();
        for (AlertRecord rec : alerts.list(new AlertQuery(null, null, null, false, null, maxAlerts))) {
            Decision stored = rec.decision();
            if (stored == null) {
                continue;
            }
            DecisionInputs in = inputs.find(rec.id()).orElseGet(() -> new DecisionInputs(stored.decidedAt(),
                    StationStatus.unknown(rec.alert().line(), rec.alert().station()), rec.occurrences(), false,
                    HistoryCounts.none(60), List.of()));
            List<Silence> covering = new ArrayList<>();
            for (String id : in.silenceIds()) {
                try {
                    covering.add(silences.get(id));
                } catch (NotFoundException e) {
                    // A silence that no longer exists cannot have covered the alert in the replay either.
                }
            }
            if (System.nanoTime() > deadline) {
                stopped = "the backtest ran longer than " + totalTimeout.toSeconds() + " s; stopped after " + replayed
                        + " alerts";
                break;
            }
            Future<Decision> evaluation = worker.submit(() -> decider.decide(candidate, rec.alert(), in, covering));
            Decision replay;
            try {
                replay = evaluation.get(alertTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                evaluation.cancel(true);
                stopped = "the rules did not finish alert " + rec.id() + " within " + alertTimeout.toMillis()
                        + " ms; the evaluation was abandoned and the backtest stopped";
                LOG.warn("backtest of {}: {}", candidate.version(), stopped);
                break;
            } catch (ExecutionException e) {
                stopped = "the rules failed on alert " + rec.id() + ": " + e.getCause();
                LOG.warn("backtest of {}: {}", candidate.version(), stopped, e.getCause());
                break;
            } catch (InterruptedException e) {
                evaluation.cancel(true);
                Thread.currentThread().interrupt();
                stopped = "the backtest was interrupted";
                break;
            }
            replayed++;
            if (FallbackDecisions.RUNBOOK.equals(replay.runbook())) {
                fallbacks++;
            }
            if (replay.flags().contains(RunbookDecider.OVER_BUDGET)) {
                overBudget++;
            }
            DecisionSummary before = DecisionSummary.of(stored);
            DecisionSummary after = DecisionSummary.of(replay);
            List<String> differences = before.differencesTo(after);
            if (!differences.isEmpty()) {
                changed++;
                if (examples.size() < maxExamples) {
                    examples.add(new BacktestReport.Example(rec.id(), describe(rec), before, after, differences));
                }
            }
        }
        return new BacktestReport(candidate.version(), clock.instant(), replayed, changed, replayed - changed, fallbacks,
                overBudget, stopped, examples);
    }

    private static String describe(AlertRecord rec) {
        return rec.alert().type() + " on " + rec.alert().line() + "/" + rec.alert().station() + ", confidence "
                + Math.round(rec.alert().confidence() * 100) + "%, " + rec.alert().receivedAt();
    }
}
