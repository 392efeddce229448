package dev.andon.assistant.answer;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.Decision;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.identity.Principal;
import dev.andon.core.plant.ShiftRoster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the asker may acknowledge an alert, as the plant's one permission policy says (the assistant decides no
 * permission itself), and who may, in words. The asker is the signed-in person of the request — never anything written
 * in a message, a document or an alert.
 */
public final class AcknowledgePolicy {
    private final ShiftContacts contacts;
    private final PermissionPolicy permissions;
    private final PlantPeople people;

    public AcknowledgePolicy(ShiftContacts contacts, PermissionPolicy permissions, PlantPeople people) {
        this.contacts = contacts;
        this.permissions = permissions;
        this.people = people;
    }

    /** The principal of a plant person asking in chat; empty for accounts that are not plant people. */
    public Optional<Principal> asker(String userId) {
        return people.principalOf(userId);
    }

    public boolean allows(AlertRecord rec, String userId, String role, String requestLine) {
        return asker(userId).map(p -> permissions.allows(p, Action.ALERTS_TRANSITION, rec.alert().line())).orElse(false);
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
