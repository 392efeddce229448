package dev.andon.connectors.alertmanager;

import java.util.Map;

/**
 * Which Alertmanager labels (or annotations, looked up second) make an Andon alert's line, station, type, severity,
 * confidence and source; how Alertmanager severities translate; and the confidence and source to use when no label
 * gives one.
 */
public record AlertmanagerMapping(String lineLabel, String stationLabel, String typeLabel, String severityLabel,
                                  String confidenceLabel, String sourceLabel, Map<String, String> severities,
                                  double defaultConfidence, String defaultSource) {
    public static final Map<String, String> DEFAULT_SEVERITIES = Map.of(
            "critical", "critical", "page", "critical", "error", "high", "high", "high",
            "warning", "medium", "medium", "medium", "info", "low", "low", "low", "none", "low");

    public static AlertmanagerMapping defaults() {
        return new AlertmanagerMapping("line", "station", "andon_type", "severity", "confidence", "source",
                DEFAULT_SEVERITIES, 1.0, "alertmanager");
    }
}
