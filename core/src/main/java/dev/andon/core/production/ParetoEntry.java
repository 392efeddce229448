package dev.andon.core.production;

/** One bar of a Pareto: a reason code, its name, how much (seconds of downtime or scrapped parts) and its share. */
public record ParetoEntry(String reason, String name, long amount, double share) {
}
