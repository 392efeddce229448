package dev.andon.rules.support;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.Severity;
import dev.andon.core.identity.Principal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/** Alerts and instants as the sample plant sees them (Europe/Rome wall-clock times for the shifts). */
public final class Alerts {
    public static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** 08:15 in Rome on a weekday: the early shift (06–14). */
    public static final Instant EARLY_SHIFT = ZonedDateTime.of(2026, 3, 10, 8, 15, 0, 0, ROME).toInstant();
    /** 15:30 in Rome: the late shift (14–22). */
    public static final Instant LATE_SHIFT = ZonedDateTime.of(2026, 3, 10, 15, 30, 0, 0, ROME).toInstant();
    /** 23:30 in Rome: the night shift (22–06). */
    public static final Instant NIGHT_SHIFT = ZonedDateTime.of(2026, 3, 10, 23, 30, 0, 0, ROME).toInstant();

    /** The model gateway's machine token, on every line: who raises the test alerts (it goes into the audit trail). */
    public static final Principal GATEWAY = Principal.machine("gateway", "model gateway", java.util.Set.of("alerts:write"),
            java.util.Set.of(), true);

    private Alerts() {
    }

    public static Alert alert(String line, String station, String type, double confidence, Instant at) {
        return alert("vibration-model", line, station, type, Severity.HIGH, confidence, at);
    }

    public static Alert alert(String source, String line, String station, String type, Severity severity,
                              double confidence, Instant at) {
        return new Alert(null, source, "1.4.2", line, station, type, severity, confidence, at, at,
                Map.of("rms_mm_s", 7.1));
    }

    /** The example: the vibration model flags press-3 on L2 with confidence 0.82. */
    public static Alert pressVibration(double confidence, Instant at) {
        return alert("L2", "press-3", "vibration-anomaly", confidence, at);
    }

    /** The same alert from another model (another fingerprint, so no deduplication). */
    public static Alert fromSource(String source, Alert a) {
        return new Alert(a.id(), source, a.modelVersion(), a.line(), a.station(), a.type(), a.severity(), a.confidence(),
                a.timestamp(), a.receivedAt(), a.payload());
    }

    public static Alert withId(Alert a, String id) {
        return new Alert(id, a.source(), a.modelVersion(), a.line(), a.station(), a.type(), a.severity(), a.confidence(),
                a.timestamp(), a.receivedAt(), a.payload());
    }
}
