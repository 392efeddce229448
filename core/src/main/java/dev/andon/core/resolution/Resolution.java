package dev.andon.core.resolution;

import java.time.Duration;
import java.time.Instant;

/**
 * What fixed an alert: the cause found and the action taken (free text, optional plant codes), who resolved it and
 * when, and how long it took from the alert being raised. Kept per alert so that the next alert of the same type on
 * the same station can show it.
 */
public record Resolution(String alertId, String line, String station, String type, String cause, String causeCode,
                         String action, String actionCode, String resolvedBy, String resolvedByName,
                         Instant raisedAt, Instant resolvedAt, Duration timeToFix) {
}
