package dev.andon.rules.escalation;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.EscalationStep;
import dev.andon.core.store.AndonDatabase;
import dev.andon.rules.JsonCodec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Pending escalation steps ordered by due time, and the outcome of every step that fired or was cancelled. A step
 * with an outcome is never scheduled or fired again: that, committed in the same write as the alert change, is what
 * makes each step fire exactly once across restarts. Every method joins the caller's write.
 */
public final class EscalationStore {
    private final AndonDatabase db;
    private final JsonCodec json;
    private final java.util.NavigableMap<String, String> pending;
    private final java.util.Map<String, String> outcomes;

    public EscalationStore(AndonDatabase db, JsonCodec json) {
        this.db = db;
        this.json = json;
        // plain map types: MapDB's stay inside core (the same maps on disk as before)
        this.pending = db.sortedStrings("rules-escalations-pending");
        this.outcomes = db.stringMap("rules-escalation-outcomes");
    }

    /** Schedules the decision's steps counted from {@code base}; steps already fired or cancelled are skipped. */
    public void schedule(AlertRecord rec, Instant base) {
        if (rec.decision() == null) {
            return;
        }
        db.write(() -> {
            for (EscalationStep s : rec.decision().escalation()) {
                PendingEscalation p = new PendingEscalation(rec.id(), s.level(), base.plus(s.after()), s.trigger(),
                        s.toRole(), s.toPerson(), s.reason());
                if (!outcomes.containsKey(p.stepId())) {
                    pending.put(p.key(), json.write(p));
                }
            }
        });
    }

    /**
     * The pending steps of an alert that was just decided, encoded for {@link #scheduleNew} (intake prepares them
     * while the batch before is being committed). Such an alert has no outcomes yet — an outcome is written only for a
     * committed alert, and ids are never handed out again — so the outcome lookup {@link #schedule} makes per step is
     * not needed.
     */
    public NewSteps prepareNew(AlertRecord rec, Instant base) {
        if (rec.decision() == null || rec.decision().escalation().isEmpty()) {
            return NewSteps.NONE;
        }
        List<String[]> entries = new ArrayList<>();
        for (EscalationStep s : rec.decision().escalation()) {
            PendingEscalation p = new PendingEscalation(rec.id(), s.level(), base.plus(s.after()), s.trigger(),
                    s.toRole(), s.toPerson(), s.reason());
            entries.add(new String[] {p.key(), json.write(p)});
        }
        return new NewSteps(List.copyOf(entries));
    }

    /** Schedules steps from {@link #prepareNew}; joins the caller's write. */
    public void scheduleNew(NewSteps steps) {
        if (steps.entries().isEmpty()) {
            return;
        }
        db.write(() -> {
            for (String[] e : steps.entries()) {
                pending.put(e[0], e[1]);
            }
        });
    }

    /** A new alert's pending steps in their stored form (key, JSON). */
    public record NewSteps(List<String[]> entries) {
        static final NewSteps NONE = new NewSteps(List.of());
    }

    /** Due at or before {@code now}, earliest first. */
    public List<PendingEscalation> due(Instant now) {
        String upTo = String.format("%020d|\uffff", now.toEpochMilli());
        List<PendingEscalation> out = new ArrayList<>();
        for (String text : pending.headMap(upTo, true).values()) {
            out.add(json.read(text, PendingEscalation.class));
        }
        return out;
    }

    public List<PendingEscalation> pendingFor(String alertId) {
        List<PendingEscalation> out = new ArrayList<>();
        for (String text : pending.values()) {
            PendingEscalation p = json.read(text, PendingEscalation.class);
            if (p.alertId().equals(alertId)) {
                out.add(p);
            }
        }
        return out;
    }

    public Optional<EscalationOutcome> outcome(String alertId, int level) {
        return Optional.ofNullable(outcomes.get(alertId + "|" + level)).map(t -> json.read(t, EscalationOutcome.class));
    }

    public boolean isPending(PendingEscalation p) {
        return pending.containsKey(p.key()) && !outcomes.containsKey(p.stepId());
    }

    public void settle(PendingEscalation p, String outcome, Instant at, String detail) {
        db.write(() -> {
            pending.remove(p.key());
            outcomes.put(p.stepId(), json.write(new EscalationOutcome(p.alertId(), p.level(), outcome, at, detail)));
        });
    }

    /** Cancels the alert's pending steps whose trigger matches, e.g. "unacknowledged" once someone acknowledged. */
    public void cancel(String alertId, Predicate<String> trigger, Instant at, String why) {
        db.write(() -> {
            for (PendingEscalation p : pendingFor(alertId)) {
                if (trigger.test(p.trigger())) {
                    settle(p, EscalationOutcome.CANCELLED, at, why);
                }
            }
        });
    }

    public int pendingCount() {
        return pending.size();
    }
}
