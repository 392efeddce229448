package dev.andon.core.skills;

import dev.andon.core.plant.Plant;
import dev.andon.core.plant.RosterEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who works a line on a shift on a day. The plant file's roster is the same every day; a dated roster (shift swaps,
 * absences) can answer the same question later without coverage changing.
 */
@FunctionalInterface
public interface Staffing {
    /** Person ids rostered on {@code line} for {@code shift} on {@code day}, in any role. */
    List<String> peopleOn(LocalDate day, String shift, String line);

    static Staffing fromRoster(Plant plant) {
        Map<String, Set<String>> byShiftLine = new HashMap<>();
        for (RosterEntry r : plant.roster()) {
            byShiftLine.computeIfAbsent(r.shift() + "|" + r.line(), k -> new LinkedHashSet<>()).add(r.person());
        }
        Map<String, List<String>> frozen = new HashMap<>();
        byShiftLine.forEach((k, v) -> frozen.put(k, List.copyOf(new ArrayList<>(v))));
        return (day, shift, line) -> frozen.getOrDefault(shift + "|" + line, List.of());
    }
}
