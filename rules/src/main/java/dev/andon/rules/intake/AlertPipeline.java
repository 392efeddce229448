package dev.andon.rules.intake;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Decision;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import dev.andon.core.intake.AlertIntake;
import dev.andon.rules.ChangeListeners;
import dev.andon.rules.decision.ActiveRuleset;
import dev.andon.rules.decision.DecisionInputs;
import dev.andon.rules.decision.DecisionInputsStore;
import dev.andon.rules.decision.RunbookDecider;
import dev.andon.rules.escalation.EscalationStore;
import dev.andon.rules.silence.Silence;
import dev.andon.rules.silence.Silences;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The way in for every alert. In one database write (shared with the alerts that arrive at the same moment): a repeat of an open alert only counts up (dedup); otherwise the
 * alert is checked against silences, maintenance windows and inhibition, decided by the active runbooks, stored as
 * assigned or suppressed (never dropped), grouped into an incident when its line is in an alert storm, and its
 * escalation timers are scheduled. Listeners hear about it after the commit.
 */
public final class AlertPipeline implements AlertIntake {
    public static final String ACTOR = "andon";
    private static final int MAX_GROUP = 256;

    private final AndonDatabase db;
    private final Plant plant;
    private final AlertStore alerts;
    private final StationStatusStore stations;
    private final Silences silences;
    private final ActiveRuleset active;
    private final RunbookDecider decider;
    private final DecisionInputsStore inputs;
    private final Deduplicator dedup;
    private final Inhibitor inhibitor;
    private final StormGrouper storms;
    private final EscalationStore escalations;
    private final NoiseSettings noise;
    private final ChangeListeners listeners;
    private final Clock clock;
    private final Object committer = new Object();
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();

    public AlertPipeline(AndonDatabase db, Plant plant, AlertStore alerts, StationStatusStore stations, Silences silences,
                         ActiveRuleset active, RunbookDecider decider, DecisionInputsStore inputs, Deduplicator dedup,
                         Inhibitor inhibitor, StormGrouper storms, EscalationStore escalations, NoiseSettings noise,
                         ChangeListeners listeners, Clock clock) {
        this.db = db;
        this.plant = plant;
        this.alerts = alerts;
        this.stations = stations;
        this.silences = silences;
        this.active = active;
        this.decider = decider;
        this.inputs = inputs;
        this.dedup = dedup;
        this.inhibitor = inhibitor;
        this.storms = storms;
        this.escalations = escalations;
        this.noise = noise;
        this.listeners = listeners;
        this.clock = clock;
    }

    /**
     * Group commit: a caller that finds another commit in progress waits for it, then commits everything that
     * arrived meanwhile in one write (one fsync), in arrival order, so dedup sees the alerts before it. Every caller
     * returns only once its alert is on disk. If the group's write fails, each alert is retried in a write of its
     * own, so one bad alert cannot sink the others.
     */
    @Override
    public AlertRecord receive(Alert alert) {
        validate(alert);
        Pending mine = new Pending(alert);
        waiting.add(mine);
        synchronized (committer) {
            while (!mine.done) {
                commit(drain());
            }
        }
        if (mine.error != null) {
            throw mine.error;
        }
        listeners.publish(mine.changed);
        return mine.result;
    }

    private List<Pending> drain() {
        List<Pending> group = new ArrayList<>();
        Pending p;
        while (group.size() < MAX_GROUP && (p = waiting.poll()) != null) {
            group.add(p);
        }
        return group;
    }

    private void commit(List<Pending> group) {
        try {
            db.write(() -> {
                for (Pending p : group) {
                    p.changed.clear();
                    p.result = process(p.alert, p.changed);
                }
            });
        } catch (RuntimeException | Error e) {
            for (Pending p : group) {
                try {
                    p.changed.clear();
                    p.result = group.size() == 1 ? null : db.write(() -> process(p.alert, p.changed));
                    if (p.result == null) {
                        p.error = asRuntime(e);
                    }
                } catch (RuntimeException | Error single) {
                    p.error = asRuntime(single);
                }
            }
        } finally {
            commits.incrementAndGet();
            committed.addAndGet(group.size());
            for (Pending p : group) {
                p.done = true;
            }
        }
    }

    /** How many alerts were received in how many commits since start (more than one per commit under load). */
    public CommitStats commitStats() {
        return new CommitStats(committed.get(), commits.get());
    }

    public record CommitStats(long alerts, long commits) {
    }

    private static RuntimeException asRuntime(Throwable t) {
        return t instanceof RuntimeException r ? r : new IllegalStateException("alert intake failed", t);
    }

    /** One alert, inside the caller's write. */
    private AlertRecord process(Alert alert, List<AlertRecord> changed) {
        Instant now = clock.instant();
        Optional<AlertRecord> repeat = dedup.repeatOf(alert, now);
        if (repeat.isPresent()) {
            AlertRecord counted = alerts.update(repeat.get().id(), r -> r.repeated(now));
            changed.add(counted);
            return counted;
        }
        RecentAlerts recent = new RecentAlerts(alerts.list(new AlertQuery(alert.line(), null, null, false,
                now.minus(noise.lookBack()), 10_000)));
        boolean flapping = recent.closedWithFingerprint(alert.fingerprint(), now, noise.flapWindow()) >= noise.flapReopenings();
        List<Silence> covering = silences.matching(alert, now);
        Optional<Suppression> suppression = covering.isEmpty() ? inhibitor.check(alert) : Optional.of(silenced(covering));
        DecisionInputs in = new DecisionInputs(now, stations.get(alert.line(), alert.station()), 1, flapping,
                recent.history(alert, now, noise.historyWindow()), covering.stream().map(Silence::id).toList());
        AlertRecord stored = alerts.insert(alert, rec -> {
            Decision decision = decider.decide(active.get().orElse(null), rec.alert(), in, covering);
            AlertRecord decided = rec.withDecision(decision);
            if (suppression.isPresent()) {
                return decided.suppressedBy(suppression.get().cause())
                        .movedTo(AlertState.SUPPRESSED, ACTOR, now, suppression.get().note());
            }
            return decided.movedTo(AlertState.ASSIGNED, ACTOR, now, assignedNote(decision));
        });
        inputs.save(stored.id(), in);
        if (stored.state() == AlertState.SUPPRESSED) {
            dedup.rememberSuppressed(stored);
        } else {
            escalations.schedule(stored, now);
        }
        List<AlertRecord> grouped = storms.group(stored, recent, now);
        changed.addAll(grouped);
        return grouped.stream().filter(r -> r.id().equals(stored.id())).findFirst()
                .orElseGet(() -> alerts.get(stored.id()));
    }

    private void validate(Alert alert) {
        List<Problem> problems = new ArrayList<>();
        if (alert == null) {
            throw new InvalidInputException("(body)", "an alert is required");
        }
        if (alert.id() != null) {
            problems.add(new Problem("id", "is given by Andon; a new alert has none"));
        }
        if (alert.source() == null || alert.source().isBlank()) {
            problems.add(new Problem("source", "is required"));
        }
        if (alert.line() == null || plant.line(alert.line()).isEmpty()) {
            problems.add(new Problem("line", "unknown line '" + alert.line() + "'"));
        } else if (alert.station() == null || plant.line(alert.line()).get().station(alert.station()).isEmpty()) {
            problems.add(new Problem("station", "unknown station '" + alert.station() + "' on line '" + alert.line() + "'"));
        }
        if (alert.type() == null || plant.alertType(alert.type()).isEmpty()) {
            problems.add(new Problem("type", "unknown alert type '" + alert.type() + "'"));
        }
        if (!(alert.confidence() >= 0 && alert.confidence() <= 1)) {
            problems.add(new Problem("confidence", "must be between 0 and 1; got " + alert.confidence()));
        }
        if (alert.severity() == null) {
            problems.add(new Problem("severity", "is required"));
        }
        if (alert.timestamp() == null || alert.receivedAt() == null) {
            problems.add(new Problem("timestamp", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static Suppression silenced(List<Silence> covering) {
        Silence first = covering.get(0);
        return new Suppression("silence:" + first.id(), "suppressed by " + first.describe(),
                covering.stream().map(Silence::id).toList());
    }

    private static String assignedNote(Decision d) {
        if (d.assignee() == null || d.assignee().person() == null) {
            return "runbook " + d.runbook() + ": nobody could be assigned, owner role " + d.ownerRole();
        }
        return "runbook " + d.runbook() + ": assigned to " + d.assignee().name() + " (" + d.assignee().role() + ", "
                + d.assignee().via() + ")";
    }

    /** An alert waiting for its commit; fields are written by the committing thread before {@code done}. */
    private static final class Pending {
        final Alert alert;
        final List<AlertRecord> changed = new ArrayList<>();
        AlertRecord result;
        RuntimeException error;
        volatile boolean done;

        Pending(Alert alert) {
            this.alert = alert;
        }
    }
}
