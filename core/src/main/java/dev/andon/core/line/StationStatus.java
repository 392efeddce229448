package dev.andon.core.line;

import java.time.Instant;

/** The last known state of a station, since when, why (reason code) and who or what reported it. */
public record StationStatus(String line, String station, StationState state, String reason, Instant since,
                            String reportedBy) {
    public static StationStatus unknown(String line, String station) {
        return new StationStatus(line, station, StationState.UNKNOWN, null, null, null);
    }
}
