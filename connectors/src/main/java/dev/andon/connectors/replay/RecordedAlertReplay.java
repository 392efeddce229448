package dev.andon.connectors.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays recorded alerts (JSON Lines, one alert document per line, oldest first) through the normal intake, to try
 * runbooks on real history. Timestamps are moved so the first recorded alert happens now and the gaps between alerts
 * are kept (divided by {@code speed}; speed 0 sends as fast as possible). A bad line is reported, never fatal.
 */
public final class RecordedAlertReplay {
    private final ObjectMapper json;
    private final Clock clock;
    private final Sleeper sleeper;

    public RecordedAlertReplay(ObjectMapper json, Clock clock, Sleeper sleeper) {
        this.json = json;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public ReplayReport replay(Reader recording, double speed, int maxAlerts, AlertSink sink) {
        if (speed < 0) {
            throw new InvalidInputException("speed", "must be 0 (as fast as possible) or more");
        }
        List<String> accepted = new ArrayList<>();
        List<ReplayReport.Rejection> rejected = new ArrayList<>();
        Instant start = clock.instant();
        Instant firstRecorded = null;
        Instant previousRecorded = null;
        int lineNo = 0;
        int read = 0;
        try (BufferedReader in = new BufferedReader(recording)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (read >= maxAlerts) {
                    throw new InvalidInputException("(recording)", "holds more than " + maxAlerts + " alerts; split it");
                }
                read++;
                JsonNode doc;
                try {
                    doc = json.readTree(line);
                } catch (JsonProcessingException e) {
                    rejected.add(new ReplayReport.Rejection(lineNo, List.of(new Problem("(line)", "malformed JSON: " + e.getOriginalMessage()))));
                    continue;
                }
                Instant recorded = recordedTime(doc);
                if (doc instanceof ObjectNode obj && recorded != null) {
                    if (firstRecorded == null) {
                        firstRecorded = recorded;
                    }
                    if (speed > 0 && previousRecorded != null && recorded.isAfter(previousRecorded)) {
                        sleeper.sleep(Duration.ofNanos((long) (Duration.between(previousRecorded, recorded).toNanos() / speed)));
                    }
                    previousRecorded = recorded;
                    Duration offset = Duration.between(firstRecorded, recorded);
                    obj.put("timestamp", start.plus(speed > 0 ? Duration.ofNanos((long) (offset.toNanos() / speed)) : Duration.ZERO).toString());
                }
                try {
                    accepted.add(sink.accept(doc));
                } catch (InvalidInputException e) {
                    rejected.add(new ReplayReport.Rejection(lineNo, e.problems()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording", e);
        }
        return new ReplayReport(read, accepted.size(), accepted, rejected);
    }

    private static Instant recordedTime(JsonNode doc) {
        JsonNode ts = doc.get("timestamp");
        if (ts == null || !ts.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(ts.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Waits between replayed alerts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d);

        static Sleeper real() {
            return d -> {
                try {
                    Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("replay interrupted", e);
                }
            };
        }
    }
}
