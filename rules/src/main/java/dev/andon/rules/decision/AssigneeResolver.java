package dev.andon.rules.decision;

import dev.andon.core.alert.Assignee;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.ShiftRoster;
import dev.andon.core.plant.Station;
import dev.andon.core.skills.Qualifications;
import dev.andon.core.skills.Standing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks the person for a role from the roster: someone on shift on that line in the owner role (and, for hands-on
 * runbooks, qualified for the station or one of its equipment on that day, as the skills matrix says); else the
 * fallback role; else the on-call person. {@code via} says which: on-shift, fallback-role, on-call, nobody. Whoever on
 * shift was passed over for lacking the qualification is named in the assignee, with the reason.
 */
public final class AssigneeResolver {
    public static final String ON_SHIFT = "on-shift";
    public static final String FALLBACK_ROLE = "fallback-role";
    public static final String ON_CALL = "on-call";
    public static final String NOBODY = "nobody";

    private final OnShiftNow roster;
    private final Qualifications qualifications;

    public AssigneeResolver(ShiftRoster roster, Qualifications qualifications) {
        this.roster = new OnShiftNow(roster);
        this.qualifications = qualifications;
    }

    public OnShiftNow roster() {
        return roster;
    }

    public boolean qualified(Person person, Station station, LocalDate day) {
        return standing(person, station, day).counts();
    }

    /** The best standing over the station and its equipment: qualified on any counts. */
    private Standing standing(Person person, Station station, LocalDate day) {
        Standing best = qualifications.standing(person.id(), station.id(), day);
        if (best.counts()) {
            return best;
        }
        for (String equipment : station.equipment()) {
            Standing s = qualifications.standing(person.id(), equipment, day);
            if (s.counts()) {
                return s;
            }
            if (best.level() == null && s.level() != null) {
                best = s;
            }
        }
        return best;
    }

    public Choice assign(String line, Station station, String ownerRole, String fallbackRole, boolean qualificationRequired,
                         Instant at) {
        LocalDate day = roster.dayAt(at);
        List<Assignee.Skipped> skipped = new ArrayList<>();
        Optional<Person> owner = onShift(line, station, ownerRole, qualificationRequired, day, at, skipped);
        if (owner.isPresent()) {
            return new Choice(assignee(owner.get(), ownerRole, ON_SHIFT, station, skipped), owner.get().name() + " is "
                    + ownerRole + " on " + line + " this shift" + qualifiedText(qualificationRequired, station)
                    + skippedText(skipped));
        }
        String nobody = "nobody on shift on " + line + " as " + ownerRole + (qualificationRequired ? " is qualified for " + station.id() : "");
        if (fallbackRole != null && !fallbackRole.equals(ownerRole)) {
            Optional<Person> fallback = onShift(line, station, fallbackRole, qualificationRequired, day, at, skipped);
            if (fallback.isPresent()) {
                return new Choice(assignee(fallback.get(), fallbackRole, FALLBACK_ROLE, station, skipped), nobody
                        + ", so the fallback role " + fallbackRole + " takes it: " + fallback.get().name()
                        + qualifiedText(qualificationRequired, station) + skippedText(skipped));
            }
            nobody += ", nor as " + fallbackRole;
        }
        nobody += skippedText(skipped);
        String missing = qualificationRequired ? station.id() : null;
        for (String role : fallbackRole == null ? new String[]{ownerRole} : new String[]{ownerRole, fallbackRole}) {
            Optional<Person> onCall = roster.onCall(role);
            if (onCall.isPresent()) {
                boolean q = qualified(onCall.get(), station, day);
                Person p = onCall.get();
                return new Choice(new Assignee(p.id(), p.name(), role, ON_CALL, missing, skipped), nobody
                        + ", so the on-call " + role + " " + p.name() + " is called"
                        + (q ? " (qualified for " + station.id() + ")" : " (not listed as qualified for " + station.id() + ")"));
            }
        }
        return new Choice(new Assignee(null, null, ownerRole, NOBODY, missing, skipped), nobody
                + " and no on-call person is listed for " + ownerRole + (fallbackRole == null ? "" : " or " + fallbackRole)
                + ": assign by hand");
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
                                     LocalDate day, Instant at, List<Assignee.Skipped> skipped) {
        for (Person p : roster.inRole(at, line, role)) {
            if (!qualificationRequired) {
                return Optional.of(p);
            }
            Standing s = standing(p, station, day);
            if (s.counts()) {
                return Optional.of(p);
            }
            if (skipped.stream().noneMatch(k -> k.person().equals(p.id()))) {
                skipped.add(new Assignee.Skipped(p.id(), p.name(), role, reason(s, station)));
            }
        }
        return Optional.empty();
    }

    private static String reason(Standing s, Station station) {
        return switch (s.reason()) {
            case "in training" -> "in training for " + station.id();
            case "not qualified" -> "not qualified for " + station.id()
                    + (station.equipment().isEmpty() ? "" : " or its equipment");
            default -> station.id() + ": " + s.reason();
        };
    }

    private static Assignee assignee(Person p, String role, String via, Station station, List<Assignee.Skipped> skipped) {
        return new Assignee(p.id(), p.name(), role, via, skipped.isEmpty() ? null : station.id(), skipped);
    }

    private static String qualifiedText(boolean required, Station station) {
        return required ? " and qualified for " + station.id() : "";
    }

    private static String skippedText(List<Assignee.Skipped> skipped) {
        if (skipped.isEmpty()) {
            return "";
        }
        return "; skipped " + skipped.stream().map(s -> s.name() + " (" + s.reason() + ")")
                .collect(Collectors.joining(", "));
    }

    /** The chosen assignee and, in plain words, why. */
    public record Choice(Assignee assignee, String explanation) {
    }
}
