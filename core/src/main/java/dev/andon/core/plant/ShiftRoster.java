package dev.andon.core.plant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** Answers "who is on shift, on which line, in which role, right now" from the plant's roster. */
public final class ShiftRoster {
    private final Plant plant;

    public ShiftRoster(Plant plant) {
        this.plant = plant;
    }

    public Optional<Shift> shiftAt(Instant at) {
        LocalTime local = at.atZone(plant.timezone()).toLocalTime();
        return plant.shifts().stream().filter(s -> s.covers(local)).findFirst();
    }

    /** The plant-local calendar day at {@code at}, used for qualification expiry. */
    public LocalDate dayAt(Instant at) {
        return at.atZone(plant.timezone()).toLocalDate();
    }

    /** Everyone rostered on the current shift, any line and role. */
    public List<OnShift> onShift(Instant at) {
        Optional<Shift> shift = shiftAt(at);
        if (shift.isEmpty()) {
            return List.of();
        }
        String shiftId = shift.get().id();
        return plant.roster().stream()
                .filter(r -> r.shift().equals(shiftId))
                .flatMap(r -> plant.person(r.person()).stream()
                        .map(p -> new OnShift(p, r.role(), r.line(), shiftId)))
                .toList();
    }

    /** People holding {@code roleId} on {@code lineId} on the current shift, in roster order. */
    public List<OnShift> onShift(Instant at, String lineId, String roleId) {
        return onShift(at).stream().filter(o -> o.line().equals(lineId) && o.role().equals(roleId)).toList();
    }

    public Optional<Person> onCall(String roleId) {
        return plant.onCall().stream().filter(o -> o.role().equals(roleId)).findFirst()
                .flatMap(o -> plant.person(o.person()));
    }

    /** The current shift's start, for "since the start of this shift" questions. */
    public Optional<Instant> shiftStart(Instant at) {
        return shiftAt(at).map(s -> {
            ZonedDateTime now = at.atZone(plant.timezone());
            ZonedDateTime start = now.with(s.start());
            if (start.isAfter(now)) {
                start = start.minusDays(1);
            }
            return start.toInstant();
        });
    }

    /** A person rostered for a shift: in which role and on which line. */
    public record OnShift(Person person, String role, String line, String shift) {
    }
}
