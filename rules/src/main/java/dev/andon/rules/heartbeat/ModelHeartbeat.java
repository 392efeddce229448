package dev.andon.rules.heartbeat;

import java.time.Instant;

/**
 * The last heartbeat of a model (source) on a line, and the model-silent alert raised while it is silent
 * ({@code silentAlertId}, null while it is alive).
 */
public record ModelHeartbeat(String source, String line, String station, String modelVersion, Instant lastSeenAt,
                             String silentAlertId) {

    ModelHeartbeat seen(String newStation, String version, Instant at) {
        return new ModelHeartbeat(source, line, newStation == null ? station : newStation,
                version == null ? modelVersion : version, at, silentAlertId);
    }

    ModelHeartbeat raised(String alertId) {
        return new ModelHeartbeat(source, line, station, modelVersion, lastSeenAt, alertId);
    }

    ModelHeartbeat cleared() {
        return new ModelHeartbeat(source, line, station, modelVersion, lastSeenAt, null);
    }

    public boolean isSilent() {
        return silentAlertId != null;
    }
}
