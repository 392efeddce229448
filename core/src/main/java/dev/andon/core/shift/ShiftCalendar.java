package dev.andon.core.shift;

import dev.andon.core.error.NotFoundException;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Shift;
import dev.andon.core.plant.ShiftBreak;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The shifts each line actually runs, from the plant file: weekdays, holidays and breaks, in the plant's time zone.
 * Wall-clock times are turned into instants per day, so a shift across a daylight-saving change simply gets shorter
 * or longer; a start inside the spring-forward gap moves to the first valid instant after it.
 */
public final class ShiftCalendar {
    /** How far back "previous shift" looks: long enough for a plant closed over a two-week holiday. */
    private static final int MAX_DAYS_BACK = 21;

    private final Plant plant;
    private final ZoneId zone;

    public ShiftCalendar(Plant plant) {
        this.plant = plant;
        this.zone = plant.timezone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The shift running on {@code line} at {@code at}, if any. */
    public Optional<ShiftOccurrence> current(String line, Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        for (ShiftOccurrence o : onDays(line, day.minusDays(1), day)) {
            if (o.contains(at)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** The last shift on {@code line} that ended at or before {@code at}. */
    public Optional<ShiftOccurrence> previous(String line, Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return onDays(line, day.minusDays(MAX_DAYS_BACK), day).stream()
                .filter(o -> !o.end().isAfter(at))
                .max(Comparator.comparing(ShiftOccurrence::end));
    }

    /** The first shift on {@code line} starting at or after {@code at}. */
    public Optional<ShiftOccurrence> next(String line, Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return onDays(line, day.minusDays(1), day.plusDays(MAX_DAYS_BACK)).stream()
                .filter(o -> !o.start().isBefore(at))
                .min(Comparator.comparing(ShiftOccurrence::start));
    }

    /** The shift before / after a given one. */
    public Optional<ShiftOccurrence> before(ShiftOccurrence o) {
        return previous(o.line(), o.start());
    }

    public Optional<ShiftOccurrence> after(ShiftOccurrence o) {
        return next(o.line(), o.end());
    }

    /** The named occurrence ("L2.2026-11-25.early"); 404 when that line does not run that shift that day. */
    public ShiftOccurrence byKey(String key) {
        return find(key).orElseThrow(() -> new NotFoundException("shift", key));
    }

    public Optional<ShiftOccurrence> find(String key) {
        String[] parts = key == null ? new String[0] : key.split("\\.", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(parts[1]);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return find(parts[0], date, parts[2]);
    }

    public Optional<ShiftOccurrence> find(String line, LocalDate date, String shiftId) {
        return onDays(line, date, date).stream().filter(o -> o.shift().equals(shiftId)).findFirst();
    }

    /** Every shift on {@code line} starting on plant-local days {@code from}..{@code to} inclusive, in start order. */
    public List<ShiftOccurrence> onDays(String lineId, LocalDate from, LocalDate to) {
        Line line = plant.line(lineId).orElseThrow(() -> new NotFoundException("line", lineId));
        List<ShiftOccurrence> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (plant.calendar().holidays().contains(d)) {
                continue;
            }
            for (Shift s : plant.shifts()) {
                if (line.runs(s.id()) && s.runsOn(d.getDayOfWeek())) {
                    out.add(occurrence(line.id(), s, d));
                }
            }
        }
        out.sort(Comparator.comparing(ShiftOccurrence::start));
        return out;
    }

    private ShiftOccurrence occurrence(String line, Shift s, LocalDate day) {
        Instant start = at(day, s.start());
        LocalDate endDay = s.end().isAfter(s.start()) ? day : day.plusDays(1);
        Instant end = at(endDay, s.end());
        List<ShiftOccurrence.Interval> breaks = new ArrayList<>();
        for (ShiftBreak b : s.breaks()) {
            // a break before the start time belongs to the night part after midnight
            LocalDate bDay = b.start().isBefore(s.start()) ? day.plusDays(1) : day;
            LocalDate eDay = b.end().isBefore(s.start()) || b.end().equals(s.start()) ? day.plusDays(1) : day;
            Instant bs = at(bDay, b.start());
            Instant be = at(eDay, b.end());
            if (be.isAfter(bs)) {
                breaks.add(new ShiftOccurrence.Interval(bs, be));
            }
        }
        return new ShiftOccurrence(ShiftOccurrence.key(line, day, s.id()), line, s.id(), s.name(), day, start, end, breaks);
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}
