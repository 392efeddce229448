package dev.andon.core.production;

import java.time.Instant;
import java.util.List;

/**
 * A line's figures over one shift or a range of shifts ({@code shifts} names them). The line's OEE is that of its
 * output station (run time, ideal cycle of the line, parts out), with quality counting scrap and rework of every
 * station; {@code plan} is planned good output for the period and {@code output} the good parts made.
 */
public record LineKpis(String line, String name, List<String> shifts, Instant from, Instant to, Kpis kpis,
                       Long plan, long output, List<StationKpis> stations, List<ParetoEntry> downtime,
                       List<ParetoEntry> scrap) {
    public LineKpis {
        shifts = List.copyOf(shifts);
        stations = List.copyOf(stations);
        downtime = List.copyOf(downtime);
        scrap = List.copyOf(scrap);
    }
}
