package dev.andon.core.alert;

import java.time.Instant;
import java.util.Map;

/**
 * What a model, a PLC or a person raised: immutable once received. {@code timestamp} is when the source saw it,
 * {@code receivedAt} when Andon got it.
 */
public record Alert(String id, String source, String modelVersion, String line, String station, String type,
                    Severity severity, double confidence, Instant timestamp, Instant receivedAt,
                    Map<String, Object> payload) {
    public Alert {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    /** Same source, line, station and type: the identity used for deduplication. */
    public String fingerprint() {
        return source + "|" + line + "|" + station + "|" + type;
    }
}
