package dev.andon.rules.silence;

import dev.andon.core.alert.Alert;

import java.time.Instant;

/**
 * A silence or maintenance window: alerts matching line/station/type (null = any) between {@code startsAt} and
 * {@code endsAt} are kept but suppressed. Expiring early sets {@code expiredAt}; nothing is ever deleted.
 */
public record Silence(String id, String kind, String line, String station, String type, Instant startsAt,
                      Instant endsAt, String author, String reason, Instant createdAt, Instant expiredAt,
                      String expiredBy) {
    public static final String SILENCE = "silence";
    public static final String MAINTENANCE_WINDOW = "maintenance-window";

    public boolean activeAt(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt) && (expiredAt == null || at.isBefore(expiredAt));
    }

    public boolean matches(Alert alert) {
        return (line == null || line.equals(alert.line()))
                && (station == null || station.equals(alert.station()))
                && (type == null || type.equals(alert.type()));
    }

    public Silence expired(Instant at, String actor) {
        return new Silence(id, kind, line, station, type, startsAt, endsAt, author, reason, createdAt, at, actor);
    }

    /** "maintenance-window 3 (L2/press-3, any type) by marco.ferri: die change". */
    public String describe() {
        String scope = (line == null ? "all lines" : line) + (station == null ? "" : "/" + station)
                + (type == null ? ", any type" : ", " + type);
        return kind + " " + id + " (" + scope + ") by " + author + ": " + reason;
    }
}
