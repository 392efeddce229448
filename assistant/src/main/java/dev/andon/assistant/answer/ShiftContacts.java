package dev.andon.assistant.answer;

import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Shift;
import dev.andon.core.plant.ShiftRoster;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Who to turn to right now: the team leader on shift on a line, or the on-call team leader when nobody is rostered. */
public final class ShiftContacts {
    private final Plant plant;
    private final ShiftRoster roster;
    private final Clock clock;

    public ShiftContacts(Plant plant, ShiftRoster roster, Clock clock) {
        this.plant = plant;
        this.roster = roster;
        this.clock = clock;
    }

    public ShiftRoster roster() {
        return roster;
    }

    public Optional<Shift> currentShift() {
        return roster.shiftAt(clock.instant());
    }

    public String shiftName() {
        return currentShift().map(Shift::name).orElse("no shift");
    }

    public List<ShiftRoster.OnShift> teamLeaders(String line) {
        return roster.onShift(clock.instant()).stream()
                .filter(o -> o.role().equals("team-leader") && (line == null || o.line().equals(line)))
                .toList();
    }

    /** "Luca Bianchi (team leader on L2, Early shift, luca.bianchi@…)". */
    public String whoToAsk(String line) {
        List<ShiftRoster.OnShift> leaders = teamLeaders(line);
        if (!leaders.isEmpty()) {
            return leaders.stream()
                    .map(o -> o.person().name() + " (team leader on " + o.line() + ", " + shiftName() + contact(o.person()) + ")")
                    .distinct()
                    .collect(Collectors.joining(" or "));
        }
        return roster.onCall("team-leader")
                .map(p -> p.name() + " (on-call team leader" + contact(p) + ")")
                .orElse("the shift supervisor (no team leader is rostered right now)");
    }

    /** The line the user works on in the current shift, from the roster. */
    public Optional<String> rosterLine(String userId) {
        return roster.onShift(clock.instant()).stream().filter(o -> o.person().id().equals(userId))
                .map(ShiftRoster.OnShift::line).findFirst();
    }

    public boolean isRostered(String userId, String line, String role) {
        return plant.roster().stream().anyMatch(r -> r.person().equals(userId) && r.line().equals(line) && r.role().equals(role));
    }

    public String name(String personId) {
        return plant.person(personId).map(Person::name).orElse(personId);
    }

    public String roleName(String roleId) {
        return plant.role(roleId).map(r -> r.name().toLowerCase()).orElse(roleId);
    }

    private static String contact(Person p) {
        return p.contact() == null || p.contact().isBlank() ? "" : ", " + p.contact();
    }
}
