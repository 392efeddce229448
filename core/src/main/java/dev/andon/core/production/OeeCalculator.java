package dev.andon.core.production;

import dev.andon.core.line.StationState;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Reason;
import dev.andon.core.plant.Station;
import dev.andon.core.shift.ShiftOccurrence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * OEE from state durations and counts, the plant-standard way: availability = run time / planned production time,
 * performance = ideal cycle time × total count / run time, quality = good / total. Breaks are outside every
 * duration; planned maintenance and planned-reason stops are taken out of planned production time; time with no
 * reported state is shown as unreported, not guessed. Pure: the same events give the same figures.
 */
public final class OeeCalculator {
    private final Plant plant;
    /** Downtime reasons that take their time out of planned production time; looked up per state segment. */
    private final java.util.Set<String> plannedReasons;

    public OeeCalculator(Plant plant) {
        this.plant = plant;
        this.plannedReasons = plant.reasons().downtime().stream().filter(Reason::isPlanned).map(Reason::code)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Figures for {@code line} over [{@code from}, {@code to}) of shift {@code o}: {@code initial} holds each station's
     * last state event before {@code from}, {@code events} the events in the window in time order.
     */
    public LineKpis compute(Line line, ShiftOccurrence o, Instant from, Instant to, Map<String, LineEvent> initial,
                            List<LineEvent> events) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Station s : line.stations()) {
            LineEvent first = initial.get(s.id());
            tallies.put(s.id(), new Tally(from, first == null ? StationState.UNKNOWN : first.state(),
                    first == null ? null : first.reason()));
        }
        for (LineEvent ev : events) {
            Tally t = tallies.get(ev.station());
            // counts belong to the shift they were made in, even when reported a moment ahead of the clock
            if (t == null || ev.at().isBefore(from) || !ev.at().isBefore(ev.isState() ? to : o.end())) {
                continue;
            }
            if (ev.isState()) {
                t.close(ev.at(), o);
                t.state = ev.state();
                t.reason = ev.reason();
            } else {
                t.good += ev.good();
                t.scrap += ev.scrap();
                t.rework += ev.rework();
                if (ev.scrap() > 0) {
                    t.scrapBy.merge(ev.scrapReason(), ev.scrap(), Long::sum);
                }
            }
        }
        List<StationKpis> stations = new ArrayList<>();
        Map<String, Long> downtime = new HashMap<>();
        Map<String, Long> scrap = new HashMap<>();
        long lineScrap = 0;
        long lineRework = 0;
        for (Station s : line.stations()) {
            Tally t = tallies.get(s.id());
            t.close(to, o);
            Double ideal = line.idealCycleOf(s.id());
            stations.add(new StationKpis(s.id(), s.name(), t.kpis(ideal)));
            t.downBy.forEach((k, v) -> downtime.merge(k, v, Long::sum));
            t.scrapBy.forEach((k, v) -> scrap.merge(k, v, Long::sum));
            lineScrap += t.scrap;
            lineRework += t.rework;
        }
        Tally out = tallies.get(line.output());
        Kpis lineKpis = Kpis.empty();
        long output = 0;
        if (out != null) {
            Double ideal = line.idealCycleSeconds() != null ? line.idealCycleSeconds() : line.idealCycleOf(line.output());
            output = out.good;
            lineKpis = Kpis.of(out.planned(), out.run / 1000, out.down / 1000, out.plannedStop / 1000,
                    out.unreported / 1000, ideal == null ? 0 : ideal * out.total(), out.good, lineScrap, lineRework,
                    ideal != null);
        }
        downtime.replaceAll((k, ms) -> ms / 1000);
        Long plan = line.planPerShift() == null ? null : (long) line.planPerShift();
        return new LineKpis(line.id(), line.name(), List.of(o.key()), from, to, lineKpis, plan, output, stations,
                pareto(downtime, code -> plant.reasons().downtime(code).map(Reason::name).orElse(code)),
                pareto(scrap, code -> plant.reasons().scrap(code).map(Reason::name).orElse(code)));
    }

    /** Largest first, with each entry's share of the whole. */
    public static List<ParetoEntry> pareto(Map<String, Long> amounts, Function<String, String> names) {
        long sum = amounts.values().stream().mapToLong(Long::longValue).sum();
        return amounts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new ParetoEntry(e.getKey(), names.apply(e.getKey()), e.getValue(),
                        sum == 0 ? 0 : (double) e.getValue() / sum))
                .toList();
    }

    /** One station's running totals while the events are walked; times in milliseconds. */
    private final class Tally {
        Instant since;
        StationState state;
        String reason;
        long run;
        long down;
        long plannedStop;
        long unreported;
        long good;
        long scrap;
        long rework;
        final Map<String, Long> downBy = new HashMap<>();
        final Map<String, Long> scrapBy = new HashMap<>();

        Tally(Instant since, StationState state, String reason) {
            this.since = since;
            this.state = state;
            this.reason = reason;
        }

        void close(Instant until, ShiftOccurrence o) {
            if (!until.isAfter(since)) {
                return;
            }
            long ms = until.toEpochMilli() - since.toEpochMilli() - o.breakMillisWithin(since, until);
            since = until;
            if (ms <= 0) {
                return;
            }
            boolean plannedReason = reason != null && plannedReasons.contains(reason);
            if (state == StationState.RUNNING) {
                run += ms;
            } else if (state == StationState.UNKNOWN) {
                unreported += ms;
            } else if (state == StationState.PLANNED_MAINTENANCE || plannedReason) {
                plannedStop += ms;
            } else {
                down += ms;
                downBy.merge(reason != null ? reason : state.wire(), ms, Long::sum);
            }
        }

        long total() {
            return good + scrap + rework;
        }

        long planned() {
            return (run + down) / 1000;
        }

        Kpis kpis(Double ideal) {
            return Kpis.of(planned(), run / 1000, down / 1000, plannedStop / 1000, unreported / 1000,
                    ideal == null ? 0 : ideal * total(), good, scrap, rework, ideal != null);
        }
    }
}
