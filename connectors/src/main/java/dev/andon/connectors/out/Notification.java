package dev.andon.connectors.out;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.Assignee;
import dev.andon.core.alert.Transition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Something people are told about: an alert got someone assigned, escalated, or resolved. {@code key} names the event
 * uniquely (the same alert repeating, or being re-announced, gives the same key), which is what makes "nobody is
 * notified twice" checkable.
 */
public record Notification(String key, String event, String alertId, String line, String station, String type,
                           String severity, String state, String ownerRole, String assignee, String assigneeName,
                           String assigneeRole, String note, Instant at) {
    public static final String ASSIGNED = "assigned";
    public static final String ESCALATED = "escalated";
    public static final String RESOLVED = "resolved";
    public static final List<String> EVENTS = List.of(ASSIGNED, ESCALATED, RESOLVED);

    /** The events a committed alert change stands for (none for, say, an acknowledgement). */
    public static List<Notification> of(AlertRecord rec) {
        List<Notification> out = new ArrayList<>();
        Assignee a = rec.decision() == null ? null : rec.decision().assignee();
        String ownerRole = rec.decision() == null ? null : rec.decision().ownerRole();
        Transition last = rec.history().isEmpty() ? null : rec.history().get(rec.history().size() - 1);
        Instant at = last == null ? rec.alert().receivedAt() : last.at();
        switch (rec.state()) {
            case ASSIGNED -> {
                if (a != null && a.person() != null) {
                    out.add(make(rec, rec.id() + ":assigned:" + a.person(), ASSIGNED, ownerRole, a, null, at));
                }
            }
            case ESCALATED -> {
                long n = rec.history().stream().filter(t -> t.to() == dev.andon.core.alert.AlertState.ESCALATED).count();
                out.add(make(rec, rec.id() + ":escalated:" + n, ESCALATED, ownerRole, a,
                        last == null ? null : last.note(), at));
            }
            case RESOLVED -> out.add(make(rec, rec.id() + ":resolved", RESOLVED, ownerRole, a,
                    last == null ? null : last.note(), at));
            default -> { }
        }
        return out;
    }

    private static Notification make(AlertRecord rec, String key, String event, String ownerRole, Assignee a,
                                     String note, Instant at) {
        return new Notification(key, event, rec.id(), rec.alert().line(), rec.alert().station(), rec.alert().type(),
                rec.alert().severity() == null ? null : rec.alert().severity().wire(), rec.state().wire(), ownerRole,
                a == null ? null : a.person(), a == null ? null : a.name(), a == null ? null : a.role(), note, at);
    }

    /** One line a person can read on a phone lock screen. */
    public String summary() {
        String who = assigneeName != null ? assigneeName : assignee != null ? assignee : ownerRole;
        return switch (event) {
            case ASSIGNED -> "Alert " + alertId + " (" + type + ", " + severity + ") on " + line + "/" + station
                    + " assigned to " + who;
            case ESCALATED -> "Alert " + alertId + " (" + type + ") on " + line + "/" + station + " escalated"
                    + (note == null ? "" : ": " + note);
            default -> "Alert " + alertId + " (" + type + ") on " + line + "/" + station + " resolved";
        };
    }
}
