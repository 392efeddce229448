package dev.andon.rules.intake;

import dev.andon.core.alert.Assignee;

import java.time.Instant;

/**
 * An alert storm on one line grouped into one thing to handle: how many member alerts it has (the members themselves
 * are kept as one small record each, see {@link Incidents#memberIds}), the team leader who coordinates it, and when it
 * opened, last grew and was resolved.
 */
public record Incident(String id, String line, String state, Instant openedAt, Instant lastAlertAt,
                       int memberCount, String summary, Assignee owner, Instant resolvedAt, String resolvedBy) {
    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";

    public boolean isOpen() {
        return OPEN.equals(state);
    }

    public Incident grown(int added, Instant at) {
        return new Incident(id, line, state, openedAt, at, memberCount + added, summary, owner, resolvedAt, resolvedBy);
    }

    public Incident resolved(Instant at, String actor) {
        return new Incident(id, line, RESOLVED, openedAt, lastAlertAt, memberCount, summary, owner, at, actor);
    }
}
