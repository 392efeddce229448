package dev.andon.core.plant;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A shift by wall-clock times in the plant's time zone; {@code end} before {@code start} means it crosses midnight.
 * {@code days} are the weekdays on which it starts (empty = every day); {@code breaks} are unpaid pauses by wall-clock
 * time, excluded from planned production time.
 */
public record Shift(String id, String name, LocalTime start, LocalTime end, Set<DayOfWeek> days,
                    List<ShiftBreak> breaks) {

    public Shift {
        days = days == null ? Set.of() : Set.copyOf(days);
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
    }

    public Shift(String id, String name, LocalTime start, LocalTime end) {
        this(id, name, start, end, Set.of(), List.of());
    }

    public boolean covers(LocalTime time) {
        if (start.equals(end)) {
            return true;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    /** Whether the shift starts on this weekday (holidays are the calendar's business). */
    public boolean runsOn(DayOfWeek day) {
        return days.isEmpty() || days.contains(day);
    }
}
