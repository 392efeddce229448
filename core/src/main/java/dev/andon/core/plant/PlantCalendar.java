package dev.andon.core.plant;

import java.time.LocalDate;
import java.util.Set;

/** Plant-wide calendar: days on which no shift starts (public holidays, plant shutdowns). */
public record PlantCalendar(Set<LocalDate> holidays) {
    public PlantCalendar {
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    public static PlantCalendar none() {
        return new PlantCalendar(Set.of());
    }
}
