package dev.andon.core.store;

import dev.andon.core.alert.AlertRecord;

import java.util.List;

/**
 * One page of an alert listing, newest first. {@code next} (an alert id, for {@code before=}) is set when more may
 * follow; a page can be short and still have a {@code next} when the store stopped reading to keep the request bounded.
 */
public record AlertPage(List<AlertRecord> alerts, String next) {
    /** A page that ended on its last alert: the next one starts below it. */
    static AlertPage full(List<AlertRecord> alerts) {
        return new AlertPage(alerts, alerts.isEmpty() ? null : alerts.get(alerts.size() - 1).id());
    }

    /** The listing ran out: a next page only if this one is exactly full (there may be nothing behind it). */
    AlertPage limitedTo(int limit) {
        return alerts.size() >= limit ? this : new AlertPage(alerts, null);
    }
}
