package dev.andon.core.store;

import dev.andon.core.alert.AlertState;

import java.time.Instant;

/**
 * Filters for listing alerts; null means "any". {@code openOnly} keeps alerts that still need someone.
 * {@code beforeId} pages: only alerts with a smaller id (the last id of the previous page), newest first.
 */
public record AlertQuery(String line, String station, AlertState state, boolean openOnly, Instant since, int limit,
                         Long beforeId) {
    public AlertQuery(String line, String station, AlertState state, boolean openOnly, Instant since, int limit) {
        this(line, station, state, openOnly, since, limit, null);
    }

    public static AlertQuery all() {
        return new AlertQuery(null, null, null, false, null, Integer.MAX_VALUE);
    }

    public static AlertQuery openOn(String line) {
        return new AlertQuery(line, null, null, true, null, Integer.MAX_VALUE);
    }
}
