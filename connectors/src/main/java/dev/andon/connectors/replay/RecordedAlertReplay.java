package dev.andon.connectors.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.andon.core.alert.Alert;
import dev.andon.core.alert.IncomingAlertReader;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.PayloadTooLargeException;
import dev.andon.core.error.Problem;
import dev.andon.core.intake.AlertIntake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Replays a recording through the normal intake, to demo, train, or try runbooks on real history. It first reads and
 * checks the whole file ({@link #prepare}) — a file that is refused as a whole (not UTF-8, too many rows) has written
 * nothing — then sends ({@link #run}) the alerts in order: the first recorded alert happens now and the gaps between
 * alerts are kept, divided by {@code speed} (0: as fast as possible). Bad lines are reported by line number and skipped.
 * Without a mapping, each line of a JSON Lines file is an alert document as for {@code POST /api/alerts}.
 */
public final class RecordedAlertReplay {
    private final IncomingAlertReader reader;
    private final AlertIntake intake;
    private final ObjectMapper json;
    private final Clock clock;
    private final Sleeper sleeper;
    private final int maxRows;
    private final int maxAlerts;

    public RecordedAlertReplay(IncomingAlertReader reader, AlertIntake intake, ObjectMapper json, Clock clock,
                               Sleeper sleeper, int maxRows, int maxAlerts) {
        this.reader = reader;
        this.intake = intake;
        this.json = json;
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxRows = maxRows;
        this.maxAlerts = maxAlerts;
    }

    /** "60x", "60", "max" or "0" (as fast as possible) → the speed factor. */
    public static double speed(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("max")) {
            return 0;
        }
        String t = text.trim().toLowerCase();
        try {
            double s = Double.parseDouble(t.endsWith("x") ? t.substring(0, t.length() - 1) : t);
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("speed", "must be like 60x, 1x or max; got " + text);
        }
    }

    /** Reads and checks every line; writes nothing. */
    public PreparedReplay prepare(byte[] recording, ReplayMapping mapping) {
        String text = utf8(recording);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        List<PreparedReplay.Planned> planned = new ArrayList<>();
        List<ReplayReport.Rejection> rejected = new ArrayList<>();
        boolean csv = mapping != null && mapping.csv();
        List<String> header = null;
        int rows = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (csv && header == null) {
                header = CsvRows.fields(line);
                if (header == null) {
                    throw new InvalidInputException("(recording)", "line 1: the CSV header has an open quote");
                }
                checkColumns(mapping, header);
                continue;
            }
            if (++rows > maxRows) {
                throw new PayloadTooLargeException("a recording of more than " + maxRows + " rows", maxRows);
            }
            List<Problem> problems = new ArrayList<>();
            List<PreparedReplay.Planned> fromRow = new ArrayList<>();
            try {
                if (mapping == null) {
                    ObjectNode doc = object(line);
                    Instant recorded = recordedTime(doc);
                    fromRow.add(new PreparedReplay.Planned(lineNo, recorded, read(doc)));
                } else {
                    Map<String, String> row = csv ? csvRow(header, line) : jsonRow(line);
                    for (ObjectNode doc : documents(mapping, row, rows - 1, problems)) {
                        Instant recorded = Instant.parse(doc.get("timestamp").asText());
                        fromRow.add(new PreparedReplay.Planned(lineNo, recorded, read(doc)));
                    }
                }
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
            if (problems.isEmpty()) {
                planned.addAll(fromRow);
                if (planned.size() > maxAlerts) {
                    throw new PayloadTooLargeException("a recording that makes more than " + maxAlerts + " alerts",
                            maxAlerts);
                }
            } else {
                rejected.add(new ReplayReport.Rejection(lineNo, problems));
            }
        }
        return new PreparedReplay(rows, planned, rejected);
    }

    /** Sends the prepared alerts as raised by {@code who}; {@code progress} hears how many were sent so far. */
    public ReplayReport run(PreparedReplay prepared, double speed, dev.andon.core.identity.Principal who,
                            IntConsumer progress) {
        List<String> accepted = new ArrayList<>();
        List<ReplayReport.Rejection> rejected = new ArrayList<>(prepared.rejected());
        Instant start = clock.instant();
        Instant first = prepared.alerts().stream().map(PreparedReplay.Planned::recorded)
                .filter(t -> t != null).findFirst().orElse(null);
        Instant previous = null;
        int sent = 0;
        for (PreparedReplay.Planned p : prepared.alerts()) {
            Instant recorded = p.recorded();
            Instant at = start;
            if (recorded != null && first != null) {
                if (speed > 0 && previous != null && recorded.isAfter(previous)) {
                    sleeper.sleep(Duration.ofNanos((long) (Duration.between(previous, recorded).toNanos() / speed)));
                }
                if (previous == null || recorded.isAfter(previous)) {
                    previous = recorded;
                }
                if (speed > 0) {
                    at = start.plusNanos((long) (Duration.between(first, recorded).toNanos() / speed));
                }
            }
            Alert a = p.alert();
            try {
                accepted.add(intake.receive(new Alert(null, a.source(), a.modelVersion(), a.line(), a.station(),
                        a.type(), a.severity(), a.confidence(), at, clock.instant(), a.payload()), who).id());
            } catch (InvalidInputException e) {
                rejected.add(new ReplayReport.Rejection(p.line(), e.problems()));
            }
            progress.accept(++sent);
        }
        rejected.sort(java.util.Comparator.comparingInt(ReplayReport.Rejection::line));
        return new ReplayReport(prepared.rows(), prepared.alerts().size(), accepted.size(), accepted, rejected);
    }

    private Alert read(ObjectNode doc) {
        // Checked as if it happened now: the replay moves every timestamp to now anyway.
        ObjectNode copy = doc.deepCopy();
        copy.put("timestamp", clock.instant().toString());
        return reader.read(copy);
    }

    private List<ObjectNode> documents(ReplayMapping m, Map<String, String> row, long rowIndex, List<Problem> problems) {
        List<ObjectNode> out = new ArrayList<>();
        Instant recorded = m.timestamp().resolve(row, rowIndex, problems);
        String line = m.line().resolve(row, "line", problems);
        String station = m.station().resolve(row, "station", problems);
        String source = m.source().resolve(row, "source", problems);
        String version = m.modelVersion() == null ? null : m.modelVersion().resolve(row, "model version", problems);
        ObjectNode payload = json.createObjectNode();
        for (String column : m.payload()) {
            String v = row.get(column);
            if (v != null) {
                payload.set(column, number(v));
            }
        }
        if (!problems.isEmpty()) {
            return out;
        }
        if (m.alerts().isEmpty()) {
            out.add(doc(source, version, line, station, m.type().resolve(row, "type", problems),
                    m.severity().resolve(row, "severity", problems), m.confidence().resolve(row, "confidence", problems),
                    recorded, payload, problems));
        } else {
            for (ReplayMapping.AlertRule r : m.alerts()) {
                if (r.matches(row)) {
                    String severity = r.severity() != null ? r.severity() : m.severity().resolve(row, "severity", problems);
                    String confidence = r.confidence() != null ? r.confidence().toString()
                            : m.confidence().resolve(row, "confidence", problems);
                    out.add(doc(source, version, line, station, r.type(), severity, confidence, recorded, payload, problems));
                }
            }
        }
        return problems.isEmpty() ? out : List.of();
    }

    private ObjectNode doc(String source, String version, String line, String station, String type, String severity,
                           String confidence, Instant recorded, ObjectNode payload, List<Problem> problems) {
        ObjectNode d = json.createObjectNode();
        d.put("source", source);
        if (version != null) {
            d.put("modelVersion", version);
        }
        d.put("line", line);
        d.put("station", station);
        d.put("type", type);
        d.put("severity", severity);
        if (confidence != null) {
            JsonNode c = number(confidence);
            if (!c.isNumber()) {
                problems.add(new Problem("confidence", "must be a number from 0 to 1; got '" + confidence + "'"));
            }
            d.set("confidence", c);
        }
        d.put("timestamp", recorded == null ? null : recorded.toString());
        d.set("payload", payload);
        return d;
    }

    private JsonNode number(String v) {
        try {
            return json.getNodeFactory().numberNode(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return json.getNodeFactory().textNode(v);
        }
    }

    private static void checkColumns(ReplayMapping m, List<String> header) {
        List<Problem> problems = new ArrayList<>();
        List<String> wanted = new ArrayList<>(m.payload());
        for (ReplayMapping.Field f : new ReplayMapping.Field[]{m.source(), m.modelVersion(), m.line(), m.station(),
                m.type(), m.severity(), m.confidence()}) {
            if (f != null && f.column() != null) {
                wanted.add(f.column());
            }
        }
        if (m.timestamp().column() != null) {
            wanted.add(m.timestamp().column());
        }
        m.alerts().forEach(r -> wanted.addAll(r.when().keySet()));
        wanted.stream().distinct().filter(c -> !header.contains(c)).forEach(c ->
                problems.add(new Problem("mapping", "column '" + c + "' is not in the recording's header " + header)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static Map<String, String> csvRow(List<String> header, String line) {
        List<String> fields = CsvRows.fields(line);
        if (fields == null) {
            throw new InvalidInputException("(line)", "a quote is left open");
        }
        if (fields.size() != header.size()) {
            throw new InvalidInputException("(line)", "has " + fields.size() + " fields; the header has " + header.size());
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), fields.get(i));
        }
        return row;
    }

    private Map<String, String> jsonRow(String line) {
        ObjectNode doc = object(line);
        Map<String, String> row = new LinkedHashMap<>();
        doc.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                : e.getValue().toString()));
        return row;
    }

    private ObjectNode object(String line) {
        JsonNode doc;
        try {
            doc = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("(line)", "malformed JSON: " + e.getOriginalMessage());
        }
        if (!(doc instanceof ObjectNode obj)) {
            throw new InvalidInputException("(line)", "must be a JSON object");
        }
        return obj;
    }

    private static Instant recordedTime(JsonNode doc) {
        JsonNode ts = doc.get("timestamp");
        if (ts == null || !ts.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(ts.asText());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer out = decoder.decode(in);
            return out.toString();
        } catch (MalformedInputException e) {
            int line = 1;
            int at = Math.min(bytes.length, in.position());
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InvalidInputException("(recording)", "is not valid UTF-8 (near line " + line + "); save it as UTF-8");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("(recording)", "is not valid UTF-8; save it as UTF-8");
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
