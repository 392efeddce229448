package dev.andon.rules.intake;

import dev.andon.core.alert.Assignee;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert storm on one line grouped into one thing to handle: its member alerts (oldest first), the team leader who
 * coordinates it, and when it opened, last grew and was resolved.
 */
public record Incident(String id, String line, String state, Instant openedAt, Instant lastAlertAt,
                       List<String> members, String summary, Assignee owner, Instant resolvedAt, String resolvedBy) {
    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";

    public Incident {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public boolean isOpen() {
        return OPEN.equals(state);
    }

    public Incident withMember(String alertId, Instant at) {
        List<String> m = new ArrayList<>(members);
        if (!m.contains(alertId)) {
            m.add(alertId);
        }
        return new Incident(id, line, state, openedAt, at, m, summary, owner, resolvedAt, resolvedBy);
    }

    public Incident resolved(Instant at, String actor) {
        return new Incident(id, line, RESOLVED, openedAt, lastAlertAt, members, summary, owner, at, actor);
    }
}
