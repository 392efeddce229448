package dev.andon.rules.facts;

import java.time.Instant;
import java.util.Map;

/**
 * The alert as rules see it: what was raised where, how sure the model is, and what noise control found out about it
 * (how often it repeated, whether it flaps). Read-only for rules.
 */
public final class AlertFact implements Describable {
    private final String id;
    private final String source;
    private final String modelVersion;
    private final String line;
    private final String station;
    private final String type;
    private final String typeName;
    private final String category;
    private final String severity;
    private final double confidence;
    private final Instant timestamp;
    private final int occurrences;
    private final boolean flapping;
    private final Map<String, Object> payload;

    public AlertFact(String id, String source, String modelVersion, String line, String station, String type,
                     String typeName, String category, String severity, double confidence, Instant timestamp,
                     int occurrences, boolean flapping, Map<String, Object> payload) {
        this.id = id;
        this.source = source;
        this.modelVersion = modelVersion;
        this.line = line;
        this.station = station;
        this.type = type;
        this.typeName = typeName;
        this.category = category;
        this.severity = severity;
        this.confidence = confidence;
        this.timestamp = timestamp;
        this.occurrences = occurrences;
        this.flapping = flapping;
        this.payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    public String getId() { return id; }
    public String getSource() { return source; }
    public String getModelVersion() { return modelVersion; }
    public String getLine() { return line; }
    public String getStation() { return station; }
    public String getType() { return type; }
    public String getTypeName() { return typeName; }
    public String getCategory() { return category; }
    /** low, medium, high or critical. */
    public String getSeverity() { return severity; }
    public double getConfidence() { return confidence; }
    public Instant getTimestamp() { return timestamp; }
    public int getOccurrences() { return occurrences; }
    public boolean isFlapping() { return flapping; }
    public Map<String, Object> getPayload() { return payload; }

    /** A payload value as text, or null: for rules on free data such as {@code payload("rms") }. */
    public Object payload(String key) {
        return payload.get(key);
    }

    public static String percent(double confidence) {
        return Math.round(confidence * 100) + "%";
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(typeName == null ? type : typeName).append(" on ").append(station).append(" (").append(line)
                .append("), ").append(severity).append(" severity, confidence ").append(percent(confidence));
        if (source != null) {
            sb.append(", from ").append(source);
        }
        if (flapping) {
            sb.append(", flapping (opens and closes repeatedly)");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
