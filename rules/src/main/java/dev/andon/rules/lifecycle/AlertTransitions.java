package dev.andon.rules.lifecycle;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.UnauthenticatedException;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.error.Problem;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.intake.AlertLifecycle;
import dev.andon.rules.ChangeListeners;
import dev.andon.rules.escalation.EscalationStore;
import dev.andon.rules.facts.DecisionDraft;
import dev.andon.rules.intake.Incidents;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * The lifecycle on behalf of people and the system: records actor and time, refuses illegal moves with 409, and in
 * the same commit keeps escalation timers in step (acknowledging cancels "unacknowledged" steps, closing cancels
 * all, taking an alert out of suppression starts its timers) and resolves an incident whose alerts are all closed.
 */
public final class AlertTransitions implements AlertLifecycle {
    private static final int MAX_NOTE = 2000;
    private final AndonDatabase db;
    private final AlertStore alerts;
    private final EscalationStore escalations;
    private final Incidents incidents;
    private final ChangeListeners listeners;
    private final PermissionPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    public AlertTransitions(AndonDatabase db, AlertStore alerts, EscalationStore escalations, Incidents incidents,
                            ChangeListeners listeners, PermissionPolicy policy, AuditTrail audit, Clock clock) {
        this.db = db;
        this.alerts = alerts;
        this.escalations = escalations;
        this.incidents = incidents;
        this.listeners = listeners;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public AlertRecord transition(String alertId, AlertState to, Principal actor, String note) {
        List<Problem> problems = new ArrayList<>();
        if (to == null) {
            problems.add(new Problem("to", "is required (acknowledged, in-progress, resolved, escalated, suppressed, expired, assigned)"));
        } else if (to == AlertState.NEW) {
            problems.add(new Problem("to", "an alert cannot be moved back to new"));
        }
        if (actor == null) {
            throw new UnauthenticatedException("sign in first: every transition is made by someone");
        }
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(new Problem("note", "is longer than " + MAX_NOTE + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        AlertRecord rec = db.write(() -> {
            AlertRecord before = alerts.get(alertId);
            policy.require(actor, Action.ALERTS_TRANSITION, before.alert().line());
            AlertRecord after = alerts.transition(alertId, to, actor.id(), note, now);
            audit.record(actor, "alert.transition", "alert/" + alertId,
                    Map.of("state", before.state().wire()), transitionAfter(after, note));
            keepTimersInStep(before, after, now);
            incidents.memberChanged(after, now);
            return after;
        });
        listeners.publish(rec);
        return rec;
    }

    private static Map<String, Object> transitionAfter(AlertRecord after, String note) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", after.state().wire());
        if (note != null) {
            m.put("note", note);
        }
        return m;
    }

    private void keepTimersInStep(AlertRecord before, AlertRecord after, Instant now) {
        AlertState to = after.state();
        if (to == AlertState.ACKNOWLEDGED || to == AlertState.IN_PROGRESS) {
            escalations.cancel(after.id(), DecisionDraft.UNACKNOWLEDGED::equals, now, "acknowledged by " + lastActor(after));
        } else if (!to.isOpen()) {
            escalations.cancel(after.id(), t -> true, now, to.wire() + " by " + lastActor(after));
        } else if (to == AlertState.ASSIGNED && before.state() == AlertState.SUPPRESSED) {
            escalations.schedule(after, now);
        }
    }

    private static String lastActor(AlertRecord rec) {
        return rec.history().isEmpty() ? "?" : rec.history().get(rec.history().size() - 1).actor();
    }
}
