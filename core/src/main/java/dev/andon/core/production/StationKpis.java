package dev.andon.core.production;

/** A station's figures over the period. */
public record StationKpis(String station, String name, Kpis kpis) {
}
