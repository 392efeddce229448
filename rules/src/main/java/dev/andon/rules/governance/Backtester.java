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

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays stored alerts through a candidate ruleset, each in the situation it was decided in (same time, so the same
 * shift; same station state, history and silences), and compares with the decision that was stored.
 */
public final class Backtester {
    private final AlertStore alerts;
    private final DecisionInputsStore inputs;
    private final Silences silences;
    private final RunbookDecider decider;
    private final Clock clock;
    private final int maxAlerts;
    private final int maxExamples;

    public Backtester(AlertStore alerts, DecisionInputsStore inputs, Silences silences, RunbookDecider decider,
                      Clock clock, int maxAlerts, int maxExamples) {
        this.alerts = alerts;
        this.inputs = inputs;
        this.silences = silences;
        this.decider = decider;
        this.clock = clock;
        this.maxAlerts = maxAlerts;
        this.maxExamples = maxExamples;
    }

    public BacktestReport run(CompiledRuleset candidate) {
        int replayed = 0;
        int changed = 0;
        int fallbacks = 0;
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
            Decision replay = decider.decide(candidate, rec.alert(), in, covering);
            replayed++;
            if (FallbackDecisions.RUNBOOK.equals(replay.runbook())) {
                fallbacks++;
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
                examples);
    }

    private static String describe(AlertRecord rec) {
        return rec.alert().type() + " on " + rec.alert().line() + "/" + rec.alert().station() + ", confidence "
                + Math.round(rec.alert().confidence() * 100) + "%, " + rec.alert().receivedAt();
    }
}
