package dev.andon.connectors.out;

import java.util.List;
import java.util.Set;

/**
 * Which notifications a sink wants: by event, by line, and by role (the role that owns the alert or of the person
 * assigned). An empty set means any.
 */
public record NotificationFilter(Set<String> events, Set<String> lines, Set<String> roles) {
    public NotificationFilter {
        events = events == null || events.isEmpty() ? Set.copyOf(Notification.EVENTS) : Set.copyOf(events);
        lines = lines == null ? Set.of() : Set.copyOf(lines);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static NotificationFilter of(List<String> events, List<String> lines, List<String> roles) {
        return new NotificationFilter(events == null ? null : Set.copyOf(events), lines == null ? null : Set.copyOf(lines),
                roles == null ? null : Set.copyOf(roles));
    }

    public boolean wants(Notification n) {
        return events.contains(n.event())
                && (lines.isEmpty() || lines.contains(n.line()))
                && (roles.isEmpty() || roles.contains(n.ownerRole()) || roles.contains(n.assigneeRole()));
    }
}
