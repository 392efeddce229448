package dev.andon.core.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert as Andon keeps it: the alert, its decision, its lifecycle history, how often the same fingerprint repeated
 * ({@code occurrences}), and links to the incident it belongs to or the alert that suppresses it.
 */
public record AlertRecord(Alert alert, AlertState state, Decision decision, List<Transition> history,
                          int occurrences, Instant lastSeenAt, String incidentId, String suppressedBy) {
    public AlertRecord {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public String id() {
        return alert.id();
    }

    public static AlertRecord received(Alert alert) {
        return new AlertRecord(alert, AlertState.NEW, null, List.of(), 1, alert.receivedAt(), null, null);
    }

    public AlertRecord withDecision(Decision d) {
        return new AlertRecord(alert, state, d, history, occurrences, lastSeenAt, incidentId, suppressedBy);
    }

    /** Moves to {@code next}, recording actor and time; callers check {@link AlertState#canMoveTo} first. */
    public AlertRecord movedTo(AlertState next, String actor, Instant at, String note) {
        List<Transition> h = new ArrayList<>(history);
        h.add(new Transition(state, next, actor, at, note));
        return new AlertRecord(alert, next, decision, h, occurrences, lastSeenAt, incidentId, suppressedBy);
    }

    public AlertRecord repeated(Instant at) {
        return new AlertRecord(alert, state, decision, history, occurrences + 1, at, incidentId, suppressedBy);
    }

    public AlertRecord inIncident(String incident) {
        return new AlertRecord(alert, state, decision, history, occurrences, lastSeenAt, incident, suppressedBy);
    }

    public AlertRecord suppressedBy(String causeId) {
        return new AlertRecord(alert, state, decision, history, occurrences, lastSeenAt, incidentId, causeId);
    }
}
