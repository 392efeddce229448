package dev.andon.core.production;

import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Reason;
import dev.andon.core.shift.ShiftCalendar;
import dev.andon.core.shift.ShiftOccurrence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** OEE per station and line for a shift (so far, if it is running) or for the shifts of a range of days. */
public final class KpiService {
    /** How far back the state at a shift's start is looked for: a station may run unchanged for days. */
    private static final Duration STATE_LOOKBACK = Duration.ofDays(14);
    private static final int MAX_RANGE_DAYS = 62;

    private final Plant plant;
    private final ShiftCalendar calendar;
    private final LineEventStore events;
    private final OeeCalculator oee;
    private final Clock clock;

    public KpiService(Plant plant, ShiftCalendar calendar, LineEventStore events, Clock clock) {
        this.plant = plant;
        this.calendar = calendar;
        this.events = events;
        this.oee = new OeeCalculator(plant);
        this.clock = clock;
    }

    public ShiftCalendar calendar() {
        return calendar;
    }

    /**
     * {@code shift}: "current" (default), "previous", or a shift key such as "L2.2026-11-25.early".
     * 404 when there is no such shift (for instance "current" on a Sunday).
     */
    public ShiftOccurrence resolve(String line, String shift) {
        line(line);
        Instant now = clock.instant();
        if (shift == null || shift.isBlank() || shift.equals("current")) {
            return calendar.current(line, now).orElseThrow(() -> new NotFoundException("current shift on line", line));
        }
        if (shift.equals("previous")) {
            return calendar.previous(line, now).orElseThrow(() -> new NotFoundException("previous shift on line", line));
        }
        ShiftOccurrence o = calendar.find(shift).orElseThrow(() -> new NotFoundException("shift", shift));
        if (!o.line().equals(line)) {
            throw new InvalidInputException("shift", "shift '" + shift + "' is not on line " + line);
        }
        return o;
    }

    /** The figures of one shift, up to now while it is running; null figures for a shift that has not begun. */
    public LineKpis forShift(ShiftOccurrence o) {
        Line line = line(o.line());
        Instant now = clock.instant();
        Instant to = o.end().isAfter(now) ? (now.isAfter(o.start()) ? now : o.start()) : o.end();
        Map<String, LineEvent> initial = events.statesBefore(line.id(), o.start(), STATE_LOOKBACK, line.stations().size());
        return oee.compute(line, o, o.start(), to, initial, events.between(line.id(), o.start(), o.end()));
    }

    public Optional<LineKpis> current(String line) {
        return calendar.current(line, clock.instant()).map(this::forShift);
    }

    /** Every shift starting on plant-local days {@code from}..{@code to}, summed (plan summed per shift). */
    public LineKpis range(String lineId, LocalDate from, LocalDate to) {
        Line line = line(lineId);
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "is before from");
        }
        if (from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw new InvalidInputException("to", "a range covers at most " + MAX_RANGE_DAYS + " days");
        }
        Instant now = clock.instant();
        List<LineKpis> shifts = new ArrayList<>();
        for (ShiftOccurrence o : calendar.onDays(lineId, from, to)) {
            if (o.start().isBefore(now)) {
                shifts.add(forShift(o));
            }
        }
        return sum(line, shifts);
    }

    public static LineKpis sum(Line line, List<LineKpis> parts) {
        if (parts.isEmpty()) {
            return new LineKpis(line.id(), line.name(), List.of(), null, null, Kpis.empty(), null, 0, List.of(),
                    List.of(), List.of());
        }
        Kpis total = Kpis.empty();
        Map<String, StationKpis> stations = new LinkedHashMap<>();
        Map<String, Long> down = new HashMap<>();
        Map<String, Long> scrap = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<String> keys = new ArrayList<>();
        long output = 0;
        Long plan = null;
        for (LineKpis p : parts) {
            total = total.plus(p.kpis());
            output += p.output();
            plan = p.plan() == null ? plan : (plan == null ? 0 : plan) + p.plan();
            keys.addAll(p.shifts());
            for (StationKpis s : p.stations()) {
                stations.merge(s.station(), s, (a, b) -> new StationKpis(a.station(), a.name(), a.kpis().plus(b.kpis())));
            }
            for (ParetoEntry e : p.downtime()) {
                down.merge(e.reason(), e.amount(), Long::sum);
                names.put("d:" + e.reason(), e.name());
            }
            for (ParetoEntry e : p.scrap()) {
                scrap.merge(e.reason(), e.amount(), Long::sum);
                names.put("s:" + e.reason(), e.name());
            }
        }
        return new LineKpis(line.id(), line.name(), keys, parts.get(0).from(), parts.get(parts.size() - 1).to(), total,
                plan, output, new ArrayList<>(stations.values()),
                OeeCalculator.pareto(down, c -> names.getOrDefault("d:" + c, c)),
                OeeCalculator.pareto(scrap, c -> names.getOrDefault("s:" + c, c)));
    }

    private Line line(String id) {
        return plant.line(id).orElseThrow(() -> new NotFoundException("line", id));
    }

    String reasonName(String code) {
        return plant.reasons().downtime(code).map(Reason::name).orElse(code);
    }
}
