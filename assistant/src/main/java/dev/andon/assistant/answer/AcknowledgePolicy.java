package dev.andon.assistant.answer;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.Decision;
import dev.andon.core.plant.ShiftRoster;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may acknowledge an alert through the assistant: the person it is assigned to, someone holding the decision's
 * owner role on the alert's line, or a team leader of that line. Judged from the authenticated request (user id,
 * role, line) — never from anything written in a message, a document or an alert.
 */
public final class AcknowledgePolicy {
    public static final String TEAM_LEADER = "team-leader";

    private final ShiftContacts contacts;

    public AcknowledgePolicy(ShiftContacts contacts) {
        this.contacts = contacts;
    }

    public boolean allows(AlertRecord rec, String userId, String role, String requestLine) {
        Decision d = rec.decision();
        String line = rec.alert().line();
        if (d != null && d.assignee() != null && userId.equals(d.assignee().person())) {
            return true;
        }
        boolean onLine = line.equals(requestLine);
        if (d != null && role.equals(d.ownerRole()) && (onLine || contacts.isRostered(userId, line, role))) {
            return true;
        }
        return role.equals(TEAM_LEADER) && (onLine || contacts.isRostered(userId, line, TEAM_LEADER));
    }

    /** "maintenance on L2, Marco Ferri (assigned), or the L2 team leader (Luca Bianchi …)". */
    public String whoMay(AlertRecord rec) {
        Decision d = rec.decision();
        String line = rec.alert().line();
        List<String> parts = new ArrayList<>();
        if (d != null && d.ownerRole() != null) {
            parts.add("someone in the " + contacts.roleName(d.ownerRole()) + " role on " + line);
        }
        if (d != null && d.assignee() != null && d.assignee().person() != null) {
            parts.add(d.assignee().name() + " (assigned)");
        }
        List<ShiftRoster.OnShift> leaders = contacts.teamLeaders(line);
        parts.add("the " + line + " team leader" + (leaders.isEmpty() ? "" : " (" + leaders.stream()
                .map(o -> o.person().name()).distinct().reduce((a, b) -> a + ", " + b).orElse("") + " on shift)"));
        return String.join(", ", parts.subList(0, parts.size() - 1)) + (parts.size() > 1 ? " or " : "") + parts.get(parts.size() - 1);
    }
}
