package dev.andon.rules.decision;

/** Alerts received recently around this one (itself excluded), as counted at decision time. */
public record HistoryCounts(int windowMinutes, int onStation, int sameTypeOnStation, int onLine, int openOnLine) {
    public static HistoryCounts none(int windowMinutes) {
        return new HistoryCounts(windowMinutes, 0, 0, 0, 0);
    }
}
