package dev.andon.core.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an incoming alert document into an {@link Alert}, or refuses it listing every problem with its field, so a
 * sender can fix all of them at once. The same reader serves REST, MQTT, webhooks and replay.
 */
public final class IncomingAlertReader {
    /** Longest text field (source, modelVersion, line, station, type). */
    public static final int MAX_TEXT = 200;
    private final Plant plant;
    private final Clock clock;
    private final Duration maxFutureSkew;
    private final ObjectMapper mapper;
    private final Limits limits;

    /**
     * What an alert may carry. {@code maxAge}: how old its timestamp may be (older is a clock error or a stale
     * replay, not a live alert). {@code payloadMaxDepth}/{@code payloadMaxBytes}: the model's free-form payload is
     * stored and served with every listing, so a deeply nested or huge one would make those answers fail or swell.
     */
    public record Limits(Duration maxAge, int payloadMaxDepth, int payloadMaxBytes) {
        public static Limits defaults() {
            return new Limits(Duration.ofDays(7), 32, 64 * 1024);
        }
    }

    public IncomingAlertReader(Plant plant, Clock clock, Duration maxFutureSkew, ObjectMapper mapper) {
        this(plant, clock, maxFutureSkew, mapper, Limits.defaults());
    }

    public IncomingAlertReader(Plant plant, Clock clock, Duration maxFutureSkew, ObjectMapper mapper, Limits limits) {
        this.plant = plant;
        this.clock = clock;
        this.maxFutureSkew = maxFutureSkew;
        this.mapper = mapper;
        this.limits = limits;
    }

    /** Reads {@code body}; the returned alert has no id yet and {@code receivedAt} = now. */
    public Alert read(JsonNode body) {
        List<Problem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("(body)", "must be a JSON object");
        }
        String source = text(body, "source", true, problems);
        String modelVersion = text(body, "modelVersion", false, problems);
        String lineId = text(body, "line", true, problems);
        String stationId = text(body, "station", true, problems);
        String type = text(body, "type", true, problems);

        if (lineId != null) {
            Optional<Line> line = plant.line(lineId);
            if (line.isEmpty()) {
                problems.add(new Problem("line", "unknown line '" + lineId + "' (known: " + plant.lines().stream().map(Line::id).toList() + ")"));
            } else if (stationId != null && line.get().station(stationId).isEmpty()) {
                problems.add(new Problem("station", "unknown station '" + stationId + "' on line '" + lineId + "'"));
            }
        }
        if (type != null && plant.alertType(type).isEmpty()) {
            problems.add(new Problem("type", "unknown alert type '" + type + "'"));
        }

        Severity severity = null;
        JsonNode sev = body.get("severity");
        if (sev == null || sev.isNull()) {
            problems.add(new Problem("severity", "is required (low, medium, high, critical)"));
        } else if (!sev.isTextual() || Severity.parse(sev.asText()).isEmpty()) {
            problems.add(new Problem("severity", "must be one of low, medium, high, critical; got " + sev));
        } else {
            severity = Severity.parse(sev.asText()).get();
        }

        double confidence = 0;
        JsonNode conf = body.get("confidence");
        if (conf == null || conf.isNull()) {
            problems.add(new Problem("confidence", "is required (a number from 0 to 1)"));
        } else if (!conf.isNumber()) {
            problems.add(new Problem("confidence", "must be a number from 0 to 1; got " + conf));
        } else {
            confidence = conf.asDouble();
            if (!(confidence >= 0 && confidence <= 1)) {
                problems.add(new Problem("confidence", "must be between 0 and 1; got " + conf));
            }
        }

        Instant now = clock.instant();
        Instant timestamp = null;
        JsonNode ts = body.get("timestamp");
        if (ts == null || ts.isNull()) {
            problems.add(new Problem("timestamp", "is required (ISO-8601, e.g. 2026-11-25T08:15:00Z)"));
        } else if (!ts.isTextual()) {
            problems.add(new Problem("timestamp", "must be an ISO-8601 string; got " + ts));
        } else {
            try {
                timestamp = Instant.parse(ts.asText());
                if (timestamp.isAfter(now.plus(maxFutureSkew))) {
                    problems.add(new Problem("timestamp", "is more than " + maxFutureSkew.toSeconds() + " s in the future: " + ts.asText()));
                } else if (timestamp.isBefore(now.minus(limits.maxAge()))) {
                    problems.add(new Problem("timestamp", "is more than " + limits.maxAge().toHours() + " h in the past: " + ts.asText()));
                }
            } catch (DateTimeParseException e) {
                problems.add(new Problem("timestamp", "is not an ISO-8601 instant: " + ts.asText()));
            }
        }

        Map<String, Object> payload = Map.of();
        JsonNode p = body.get("payload");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                problems.add(new Problem("payload", "must be a JSON object"));
            } else if (depth(p, 1) > limits.payloadMaxDepth()) {
                problems.add(new Problem("payload", "is nested deeper than " + limits.payloadMaxDepth() + " levels"));
            } else if (size(p) > limits.payloadMaxBytes()) {
                problems.add(new Problem("payload", "is larger than " + limits.payloadMaxBytes() + " bytes as JSON"));
            } else {
                payload = mapper.convertValue(p, new TypeReference<>() { });
            }
        }

        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Alert(null, source, modelVersion, lineId, stationId, type, severity, confidence, timestamp, now, payload);
    }

    /** Nesting depth of objects and arrays, counting stops one level past the limit. */
    private int depth(JsonNode n, int level) {
        if (level > limits.payloadMaxDepth()) {
            return level;
        }
        int max = level;
        for (JsonNode child : n) {
            if (child.isContainerNode()) {
                max = Math.max(max, depth(child, level + 1));
                if (max > limits.payloadMaxDepth()) {
                    break;
                }
            }
        }
        return max;
    }

    private long size(JsonNode n) {
        try {
            return mapper.writeValueAsBytes(n).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String text(JsonNode body, String field, boolean required, List<Problem> problems) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(new Problem(field, "is required"));
            }
            return null;
        }
        if (!n.isTextual()) {
            problems.add(new Problem(field, "must be a string; got " + n.getNodeType().name().toLowerCase()));
            return null;
        }
        String value = n.asText().trim();
        if (required && value.isEmpty()) {
            problems.add(new Problem(field, "must not be empty"));
            return null;
        }
        if (value.length() > MAX_TEXT) {
            problems.add(new Problem(field, "is longer than " + MAX_TEXT + " characters"));
            return null;
        }
        return value;
    }
}
