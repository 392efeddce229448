package dev.andon.core.shift;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One shift as it actually happens on a line: shift {@code shift} starting on plant-local day {@code date}, from
 * {@code start} to {@code end} (instants, so a shift over a daylight-saving change is 7 or 9 hours long), with its
 * breaks. {@code key} ("L2.2026-11-25.early") names it in URLs, stores and reports.
 */
public record ShiftOccurrence(String key, String line, String shift, String name, LocalDate date, Instant start,
                              Instant end, List<Interval> breaks) {
    public ShiftOccurrence {
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
    }

    public static String key(String line, LocalDate date, String shift) {
        return line + "." + date + "." + shift;
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** Shift length minus breaks: the time the plant meant to produce before any planned stop. */
    public Duration scheduledTime() {
        Duration d = length();
        for (Interval b : breaks) {
            d = d.minus(b.length());
        }
        return d;
    }

    /** Break time overlapping [from, to). */
    @JsonIgnore
    public long breakMillisWithin(Instant from, Instant to) {
        long total = 0;
        for (Interval b : breaks) {
            total += b.overlapMillis(from, to);
        }
        return total;
    }

    /** A span of time [start, end). */
    public record Interval(Instant start, Instant end) {
        public Duration length() {
            return Duration.between(start, end);
        }

        public long overlapMillis(Instant from, Instant to) {
            long s = Math.max(start.toEpochMilli(), from.toEpochMilli());
            long e = Math.min(end.toEpochMilli(), to.toEpochMilli());
            return Math.max(0, e - s);
        }
    }
}
