package dev.andon.rules.decision;

import dev.andon.core.alert.Assignee;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.ShiftRoster;
import dev.andon.core.plant.Station;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the person for a role from the roster: someone on shift on that line in the owner role (and, for hands-on
 * runbooks, qualified for the station or one of its equipment on that day); else the fallback role; else the
 * on-call person. {@code via} says which: on-shift, fallback-role, on-call, nobody.
 */
public final class AssigneeResolver {
    public static final String ON_SHIFT = "on-shift";
    public static final String FALLBACK_ROLE = "fallback-role";
    public static final String ON_CALL = "on-call";
    public static final String NOBODY = "nobody";

    private final OnShiftNow roster;

    public AssigneeResolver(ShiftRoster roster) {
        this.roster = new OnShiftNow(roster);
    }

    public OnShiftNow roster() {
        return roster;
    }

    public boolean qualified(Person person, Station station, LocalDate day) {
        if (person.qualifiedFor(station.id(), day)) {
            return true;
        }
        for (String equipment : station.equipment()) {
            if (person.qualifiedFor(equipment, day)) {
                return true;
            }
        }
        return false;
    }

    public Choice assign(String line, Station station, String ownerRole, String fallbackRole, boolean qualificationRequired,
                         Instant at) {
        LocalDate day = roster.dayAt(at);
        Optional<Person> owner = onShift(line, station, ownerRole, qualificationRequired, day, at);
        if (owner.isPresent()) {
            return new Choice(assignee(owner.get(), ownerRole, ON_SHIFT), owner.get().name() + " is " + ownerRole + " on "
                    + line + " this shift" + qualifiedText(qualificationRequired, station));
        }
        String nobody = "nobody on shift on " + line + " as " + ownerRole + (qualificationRequired ? " is qualified for " + station.id() : "");
        if (fallbackRole != null && !fallbackRole.equals(ownerRole)) {
            Optional<Person> fallback = onShift(line, station, fallbackRole, qualificationRequired, day, at);
            if (fallback.isPresent()) {
                return new Choice(assignee(fallback.get(), fallbackRole, FALLBACK_ROLE), nobody + ", so the fallback role "
                        + fallbackRole + " takes it: " + fallback.get().name() + qualifiedText(qualificationRequired, station));
            }
            nobody += ", nor as " + fallbackRole;
        }
        for (String role : fallbackRole == null ? new String[]{ownerRole} : new String[]{ownerRole, fallbackRole}) {
            Optional<Person> onCall = roster.onCall(role);
            if (onCall.isPresent()) {
                boolean q = qualified(onCall.get(), station, day);
                return new Choice(assignee(onCall.get(), role, ON_CALL), nobody + ", so the on-call " + role + " "
                        + onCall.get().name() + " is called" + (q ? " (qualified for " + station.id() + ")" : " (not listed as qualified for " + station.id() + ")"));
            }
        }
        return new Choice(new Assignee(null, null, ownerRole, NOBODY), nobody + " and no on-call person is listed for "
                + ownerRole + (fallbackRole == null ? "" : " or " + fallbackRole) + ": assign by hand");
    }

    /** The person an escalation goes to: someone else in {@code role} on shift on the line, else on-call. */
    public Optional<Person> escalationTarget(String line, String role, boolean onCallOnly, String excludePerson, Instant at) {
        if (!onCallOnly) {
            Optional<Person> onShift = roster.inRole(at, line, role).stream()
                    .filter(p -> !Objects.equals(p.id(), excludePerson)).findFirst();
            if (onShift.isPresent()) {
                return onShift;
            }
        }
        return roster.onCall(role).filter(p -> !Objects.equals(p.id(), excludePerson))
                .or(() -> onCallOnly ? roster.onCall(role) : Optional.empty());
    }

    private Optional<Person> onShift(String line, Station station, String role, boolean qualificationRequired,
                                     LocalDate day, Instant at) {
        return roster.inRole(at, line, role).stream()
                .filter(p -> !qualificationRequired || qualified(p, station, day)).findFirst();
    }

    private static Assignee assignee(Person p, String role, String via) {
        return new Assignee(p.id(), p.name(), role, via);
    }

    private static String qualifiedText(boolean required, Station station) {
        return required ? " and qualified for " + station.id() : "";
    }

    /** The chosen assignee and, in plain words, why. */
    public record Choice(Assignee assignee, String explanation) {
    }
}
