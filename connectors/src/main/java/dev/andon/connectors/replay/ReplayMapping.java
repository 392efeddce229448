package dev.andon.connectors.replay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the rows of a recording (CSV or JSON Lines of telemetry or model predictions) become alert documents: each of
 * line, station, type, severity, confidence, source and model version is a {@link Field} — a column, optionally
 * translated by a map, or a fixed value; {@code payload} lists the columns copied into the alert's payload; the
 * timestamp is a column, or a row counter ({@code rowEvery}) for recordings without one. With {@code alerts} rules a
 * row gives one alert per rule that matches it (say one per failure flag set) and none when no rule matches.
 */
public record ReplayMapping(String format, Field source, Field modelVersion, Field line, Field station, Field type,
                            Field severity, Field confidence, Timestamp timestamp, List<String> payload,
                            List<AlertRule> alerts) {

    public ReplayMapping {
        payload = payload == null ? List.of() : List.copyOf(payload);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** A column ({@code column}, looked up in {@code map} when there is one) or a fixed {@code value}. */
    public record Field(String column, String value, Map<String, String> map) {
        String resolve(Map<String, String> row, String what, List<Problem> problems) {
            if (column == null) {
                return value;
            }
            String raw = row.get(column);
            if (raw == null || raw.isEmpty()) {
                problems.add(new Problem(column, "is empty (needed for " + what + ")"));
                return null;
            }
            if (map == null) {
                return raw;
            }
            String mapped = map.get(raw);
            if (mapped == null) {
                problems.add(new Problem(column, "value '" + raw + "' has no " + what + " in the mapping (known: "
                        + map.keySet() + ")"));
            }
            return mapped;
        }
    }

    /** The recorded time: an ISO-8601 {@code column}, or {@code start} + row number × {@code rowEvery}. */
    public record Timestamp(String column, String rowEvery, String start) {
        Instant resolve(Map<String, String> row, long rowIndex, List<Problem> problems) {
            if (column != null) {
                String raw = row.get(column);
                try {
                    return Instant.parse(raw);
                } catch (DateTimeParseException | NullPointerException e) {
                    problems.add(new Problem(column, "is not an ISO-8601 instant: " + raw));
                    return null;
                }
            }
            Instant base = start == null ? Instant.EPOCH : Instant.parse(start);
            return base.plus(Duration.parse("PT" + rowEvery.toUpperCase()).multipliedBy(rowIndex));
        }
    }

    /** Applies when {@code column} equals {@code equals}; its type, severity and confidence override the row's. */
    public record AlertRule(Map<String, String> when, String type, String severity, Double confidence) {
        boolean matches(Map<String, String> row) {
            return when.entrySet().stream().allMatch(e -> e.getValue().equals(row.get(e.getKey())));
        }
    }

    public boolean csv() {
        return "csv".equals(format);
    }

    public static ReplayMapping parse(byte[] yaml) {
        ReplayMapping m;
        try {
            m = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(yaml, ReplayMapping.class);
        } catch (JsonMappingException e) {
            String where = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new InvalidInputException("mapping" + (where.isEmpty() ? "" : "." + where), e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("mapping", "is not YAML: " + e.getMessage());
        }
        if (m == null) {
            throw new InvalidInputException("mapping", "is empty");
        }
        m.check();
        return m;
    }

    private void check() {
        List<Problem> problems = new ArrayList<>();
        if (!"csv".equals(format) && !"jsonl".equals(format)) {
            problems.add(new Problem("mapping.format", "must be csv or jsonl; got " + format));
        }
        required(line, "line", problems);
        required(station, "station", problems);
        required(source, "source", problems);
        if (alerts.isEmpty()) {
            required(type, "type", problems);
            required(severity, "severity", problems);
            required(confidence, "confidence", problems);
        }
        for (int i = 0; i < alerts.size(); i++) {
            AlertRule r = alerts.get(i);
            if (r.when() == null || r.when().isEmpty() || r.type() == null) {
                problems.add(new Problem("mapping.alerts[" + i + "]", "needs when (column: value) and type"));
            }
            if (r.severity() == null && severity == null) {
                problems.add(new Problem("mapping.alerts[" + i + "].severity", "is required (no severity field is mapped)"));
            }
            if (r.confidence() == null && confidence == null) {
                problems.add(new Problem("mapping.alerts[" + i + "].confidence", "is required (no confidence field is mapped)"));
            }
        }
        if (timestamp == null || (timestamp.column() == null && timestamp.rowEvery() == null)) {
            problems.add(new Problem("mapping.timestamp", "needs column (ISO-8601) or rowEvery (e.g. 60s)"));
        } else if (timestamp.column() == null) {
            try {
                Duration.parse("PT" + timestamp.rowEvery().toUpperCase());
                if (timestamp.start() != null) {
                    Instant.parse(timestamp.start());
                }
            } catch (RuntimeException e) {
                problems.add(new Problem("mapping.timestamp", "rowEvery must be like 60s or 5m, start an ISO-8601 instant"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void required(Field f, String name, List<Problem> problems) {
        if (f == null || (f.column() == null && f.value() == null)) {
            problems.add(new Problem("mapping." + name, "needs column or value"));
        }
    }
}
