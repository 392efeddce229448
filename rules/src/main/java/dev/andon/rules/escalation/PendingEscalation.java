package dev.andon.rules.escalation;

import java.time.Instant;

/** One escalation step waiting for its time: of which alert, which level, when, on what trigger, to whom. */
public record PendingEscalation(String alertId, int level, Instant dueAt, String trigger, String toRole,
                                String toPerson, String reason) {

    String key() {
        return String.format("%020d|%s|%d", dueAt.toEpochMilli(), alertId, level);
    }

    String stepId() {
        return alertId + "|" + level;
    }
}
