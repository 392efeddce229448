package dev.andon.rules.escalation;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Assignee;
import dev.andon.core.alert.Decision;
import dev.andon.core.alert.Transition;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.identity.Principal;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.rules.ChangeListeners;
import dev.andon.rules.decision.AssigneeResolver;
import dev.andon.rules.facts.DecisionDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fires acknowledge and resolve deadlines. Each due step is checked against the alert (an acknowledged alert no
 * longer escalates for lack of acknowledgement), then in ONE commit marked fired and applied: the alert becomes
 * escalated, actor "andon-escalation", and is reassigned to the step's target; its audit record (actor
 * {@code system:andon-escalation}) commits with it. Listeners hear about it only after
 * the commit, so a crash before it leaves the step pending (it fires after the restart) and a crash after it never
 * fires it twice.
 */
public final class EscalationScheduler {
    public static final String ACTOR = "andon-escalation";
    private static final Principal SYSTEM = Principal.system(ACTOR);
    private static final Logger LOG = LoggerFactory.getLogger(EscalationScheduler.class);

    private final AndonDatabase db;
    private final AlertStore alerts;
    private final EscalationStore store;
    private final AssigneeResolver people;
    private final Plant plant;
    private final ChangeListeners listeners;
    private final AuditTrail audit;
    private final Clock clock;

    public EscalationScheduler(AndonDatabase db, AlertStore alerts, EscalationStore store, AssigneeResolver people,
                               Plant plant, ChangeListeners listeners, AuditTrail audit, Clock clock) {
        this.db = db;
        this.alerts = alerts;
        this.store = store;
        this.people = people;
        this.plant = plant;
        this.listeners = listeners;
        this.audit = audit;
        this.clock = clock;
    }

    /** Fires every step due now; returns the alerts it escalated. Safe to call from several threads. */
    public List<AlertRecord> runDue() {
        Instant now = clock.instant();
        List<AlertRecord> escalated = new ArrayList<>();
        for (PendingEscalation p : store.due(now)) {
            AlertRecord rec = db.write(() -> fire(p, now));
            if (rec != null) {
                escalated.add(rec);
                listeners.publish(rec);
            }
        }
        return escalated;
    }

    /** For the background timer: never lets an exception kill the schedule. */
    public void runDueQuietly() {
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.error("escalation run failed; will retry at the next tick", e);
        }
    }

    /** The line of the alert (404 when there is none): what reading its escalations is checked against. */
    public String lineOf(String alertId) {
        return alerts.get(alertId).alert().line();
    }

    public List<PendingEscalation> pending(String alertId) {
        return store.pendingFor(alertId);
    }

    private AlertRecord fire(PendingEscalation p, Instant now) {
        if (!store.isPending(p)) {
            return null;
        }
        Optional<AlertRecord> found = alerts.find(p.alertId());
        if (found.isEmpty()) {
            store.settle(p, EscalationOutcome.CANCELLED, now, "alert no longer exists");
            return null;
        }
        AlertRecord rec = found.get();
        String notApplicable = notApplicable(rec, p.trigger());
        if (notApplicable != null || !rec.state().canMoveTo(AlertState.ESCALATED)) {
            store.settle(p, EscalationOutcome.CANCELLED, now, notApplicable == null ? "alert is " + rec.state().wire() : notApplicable);
            return null;
        }
        String current = rec.decision() == null || rec.decision().assignee() == null ? null : rec.decision().assignee().person();
        Optional<Person> target = Optional.ofNullable(p.toPerson()).flatMap(plant::person)
                .or(() -> people.escalationTarget(rec.alert().line(), p.toRole(), false, current, now));
        Assignee to = target.map(t -> new Assignee(t.id(), t.name(), p.toRole(), "escalation-level-" + p.level()))
                .orElse(new Assignee(null, null, p.toRole(), "nobody"));
        String note = "level " + p.level() + ": " + (DecisionDraft.UNACKNOWLEDGED.equals(p.trigger()) ? "not acknowledged" : "not resolved")
                + " in time, handed to " + (to.name() == null ? "the " + p.toRole() + " (nobody found: assign by hand)" : to.name() + " (" + p.toRole() + ")")
                + (p.reason() == null ? "" : " — " + p.reason());
        store.settle(p, EscalationOutcome.FIRED, now, note);
        AlertRecord next = rec.movedTo(AlertState.ESCALATED, ACTOR, now, note);
        if (next.decision() != null) {
            Decision d = next.decision();
            next = next.withDecision(new Decision(d.runbook(), d.ownerRole(), to, d.steps(), d.acknowledgeBy(),
                    d.resolveBy(), d.escalation(), d.flags(), d.firedRules(), d.rulesetVersion(), d.decidedAt()));
        }
        AlertRecord saved = alerts.save(next);
        audit.record(SYSTEM, "alert.escalate", "alert/" + rec.id(), summary(rec), summary(saved));
        return saved;
    }

    /** What an escalation changes: state and assignee (the whole record is the alert's own history). */
    private static java.util.Map<String, Object> summary(AlertRecord r) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("state", r.state().wire());
        Assignee a = r.decision() == null ? null : r.decision().assignee();
        m.put("person", a == null ? null : a.person());
        m.put("role", a == null ? null : a.role());
        return m;
    }

    /** Null when the trigger still holds, else why the step no longer applies. */
    private static String notApplicable(AlertRecord rec, String trigger) {
        if (!rec.state().isOpen()) {
            return "alert is " + rec.state().wire();
        }
        if (DecisionDraft.UNACKNOWLEDGED.equals(trigger) && acknowledged(rec)) {
            return "alert was acknowledged";
        }
        return null;
    }

    static boolean acknowledged(AlertRecord rec) {
        for (Transition t : rec.history()) {
            if (t.to() == AlertState.ACKNOWLEDGED || t.to() == AlertState.IN_PROGRESS || t.to() == AlertState.RESOLVED) {
                return true;
            }
        }
        return false;
    }
}
