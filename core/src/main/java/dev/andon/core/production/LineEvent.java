package dev.andon.core.production;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.andon.core.line.StationState;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One fact reported by a station: a state change ({@code kind = state}: state and reason code) or produced parts
 * ({@code kind = count}: good, scrap with its reason, rework, for an order, product and batch). {@code key} is the
 * sender's idempotency key: the same key on the same line is stored once, however often the batch is retried.
 */
public record LineEvent(String key, String line, String station, Kind kind, Instant at, StationState state,
                        String reason, long good, long scrap, String scrapReason, long rework, String order,
                        String product, String batch, String reportedBy, Instant receivedAt) {

    public enum Kind {
        STATE, COUNT;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind fromWire(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isState() {
        return kind == Kind.STATE;
    }

    public long total() {
        return good + scrap + rework;
    }

    /** Same reported content (who sent it and when it arrived do not count): a retry, not a different event. */
    public boolean sameFactAs(LineEvent o) {
        return key.equals(o.key) && line.equals(o.line) && station.equals(o.station) && kind == o.kind
                && at.equals(o.at) && state == o.state && Objects.equals(reason, o.reason) && good == o.good
                && scrap == o.scrap && Objects.equals(scrapReason, o.scrapReason) && rework == o.rework
                && Objects.equals(order, o.order) && Objects.equals(product, o.product) && Objects.equals(batch, o.batch);
    }
}
