package dev.andon.core.production;

/**
 * OEE figures over a period, with the sums they come from so periods can be added. Times in seconds.
 * {@code plannedSeconds} is planned production time (scheduled time minus breaks, planned stops and time nobody
 * reported a state); {@code idealSeconds} is ideal cycle time × total count. A ratio is null when its denominator is
 * zero or the ideal cycle time is unknown.
 */
public record Kpis(long plannedSeconds, long runSeconds, long downSeconds, long plannedStopSeconds,
                   long unreportedSeconds, double idealSeconds, long good, long scrap, long rework,
                   Double availability, Double performance, Double quality, Double oee) {

    public static Kpis of(long planned, long run, long down, long plannedStop, long unreported, double ideal,
                          long good, long scrap, long rework, boolean idealKnown) {
        long total = good + scrap + rework;
        Double a = planned > 0 ? (double) run / planned : null;
        Double p = run > 0 && idealKnown ? ideal / run : null;
        Double q = total > 0 ? (double) good / total : null;
        Double o = a != null && p != null && q != null ? a * p * q : null;
        return new Kpis(planned, run, down, plannedStop, unreported, ideal, good, scrap, rework, a, p, q, o);
    }

    public static Kpis empty() {
        return of(0, 0, 0, 0, 0, 0, 0, 0, 0, false);
    }

    public long total() {
        return good + scrap + rework;
    }

    public Kpis plus(Kpis o) {
        boolean idealKnown = performance != null || o.performance != null || idealSeconds + o.idealSeconds > 0;
        return of(plannedSeconds + o.plannedSeconds, runSeconds + o.runSeconds, downSeconds + o.downSeconds,
                plannedStopSeconds + o.plannedStopSeconds, unreportedSeconds + o.unreportedSeconds,
                idealSeconds + o.idealSeconds, good + o.good, scrap + o.scrap, rework + o.rework, idealKnown);
    }
}
