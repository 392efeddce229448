package dev.andon.core.shift;

import dev.andon.core.audit.AuditTrail;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.RosterEntry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;

/** Who works a shift occurrence: the plant roster for that shift and line, with the recorded swaps applied in order. */
public final class ShiftTeams {
    public static final String LEADER_ROLE = "team-leader";

    private final Plant plant;
    private final ShiftCalendar calendar;
    private final RosterSwapStore swaps;
    private final PermissionPolicy policy;
    private final AndonDatabase db;
    private final AuditTrail audit;
    private final Clock clock;

    public ShiftTeams(Plant plant, ShiftCalendar calendar, RosterSwapStore swaps, PermissionPolicy policy,
                      AndonDatabase db, AuditTrail audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.plant = plant;
        this.calendar = calendar;
        this.swaps = swaps;
        this.policy = policy;
        this.clock = clock;
    }

    public ShiftCalendar calendar() {
        return calendar;
    }

    public List<CrewMember> crew(ShiftOccurrence o) {
        List<CrewMember> crew = new ArrayList<>();
        for (RosterEntry r : plant.roster()) {
            if (r.shift().equals(o.shift()) && r.line().equals(o.line())) {
                crew.add(new CrewMember(r.person(), name(r.person()), r.role(), false));
            }
        }
        for (RosterSwap s : swaps.forShift(o.key())) {
            for (int i = 0; i < crew.size(); i++) {
                CrewMember c = crew.get(i);
                if (c.person().equals(s.out()) && c.role().equals(s.role())) {
                    crew.set(i, new CrewMember(s.in(), name(s.in()), s.role(), true));
                    break;
                }
            }
        }
        return crew;
    }

    public List<CrewMember> leaders(ShiftOccurrence o) {
        return crew(o).stream().filter(c -> c.role().equals(LEADER_ROLE)).toList();
    }

    public boolean isLeader(ShiftOccurrence o, String personId) {
        return leaders(o).stream().anyMatch(c -> c.person().equals(personId));
    }

    /**
     * Records that {@code in} works instead of {@code out} in {@code role} on one shift occurrence. Needs
     * roster:manage on the line; {@code out} must be on that shift in that role and {@code in} must hold the role.
     */
    public RosterSwap swap(Principal by, String occurrenceKey, String role, String out, String in, String reason) {
        List<Problem> problems = new ArrayList<>();
        Optional<ShiftOccurrence> o = calendar.find(occurrenceKey);
        if (o.isEmpty()) {
            problems.add(new Problem("shift", "no shift '" + occurrenceKey + "' (LINE.YYYY-MM-DD.SHIFT on a day the line runs it)"));
        } else {
            policy.require(by, Action.ROSTER_MANAGE, o.get().line());
        }
        if (plant.role(role).isEmpty()) {
            problems.add(new Problem("role", "unknown role '" + role + "'"));
        }
        Optional<Person> inPerson = plant.person(in);
        if (inPerson.isEmpty()) {
            problems.add(new Problem("in", "unknown person '" + in + "'"));
        } else if (role != null && !inPerson.get().hasRole(role)) {
            problems.add(new Problem("in", "person '" + in + "' does not hold role '" + role + "'"));
        }
        if (plant.person(out).isEmpty()) {
            problems.add(new Problem("out", "unknown person '" + out + "'"));
        } else if (o.isPresent()) {
            List<CrewMember> crew = crew(o.get());
            if (crew.stream().noneMatch(c -> c.person().equals(out) && c.role().equals(role))) {
                problems.add(new Problem("out", "'" + out + "' is not on " + occurrenceKey + " as " + role));
            }
            if (crew.stream().anyMatch(c -> c.person().equals(in) && c.role().equals(role))) {
                problems.add(new Problem("in", "'" + in + "' is already on " + occurrenceKey + " as " + role));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        RosterSwap swap = new RosterSwap(null, occurrenceKey, o.get().line(), role, out, in, reason, by.id(), clock.instant());
        return db.write(() -> {
            RosterSwap saved = swaps.add(swap);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("role", role);
            after.put("out", out);
            after.put("in", in);
            if (reason != null) {
                after.put("reason", reason);
            }
            audit.record(by, "roster.swap", "shift/" + occurrenceKey, null, after);
            return saved;
        });
    }

    public List<RosterSwap> swaps(String line) {
        return swaps.forLine(line);
    }

    private String name(String personId) {
        return plant.person(personId).map(Person::name).orElse(personId);
    }
}
