package dev.andon.rules.decision;

import dev.andon.core.plant.Person;
import dev.andon.core.plant.Shift;
import dev.andon.core.plant.ShiftRoster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is on shift at a time, from the plant's roster. The plant does not change while Andon runs, so the people of
 * each shift are listed once and reused: deciding an alert asks this several times.
 */
public final class OnShiftNow {
    private final ShiftRoster roster;
    private final Map<String, List<ShiftRoster.OnShift>> byShift = new ConcurrentHashMap<>();

    public OnShiftNow(ShiftRoster roster) {
        this.roster = roster;
    }

    public List<ShiftRoster.OnShift> at(Instant at) {
        Optional<Shift> shift = roster.shiftAt(at);
        if (shift.isEmpty()) {
            return List.of();
        }
        return byShift.computeIfAbsent(shift.get().id(), id -> roster.onShift(at));
    }

    /** People holding {@code role} on {@code line} at {@code at}, in roster order. */
    public List<Person> inRole(Instant at, String line, String role) {
        return at(at).stream().filter(o -> o.line().equals(line) && o.role().equals(role))
                .map(ShiftRoster.OnShift::person).toList();
    }

    public Optional<Person> onCall(String role) {
        return roster.onCall(role);
    }

    public LocalDate dayAt(Instant at) {
        return roster.dayAt(at);
    }
}
