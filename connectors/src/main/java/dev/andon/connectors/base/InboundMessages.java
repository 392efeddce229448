package dev.andon.connectors.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.IncomingAlertReader;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Principal;
import dev.andon.core.intake.AlertIntake;
import dev.andon.core.line.StationStatus;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.production.StationReports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every inbound connector does with a message once it knows what it is: an alert goes through the same reader
 * and intake as {@code POST /api/alerts}; a station event is checked against the plant and saved like
 * {@code POST /api/lines/{id}/stations/{station}/status}; a heartbeat goes to the heartbeat monitor. A message that
 * cannot be used is refused with {@link InvalidInputException} naming each problem. Runs on a worker thread.
 */
public final class InboundMessages {
    public enum Kind { ALERT, STATION, HEARTBEAT }

    private final Plant plant;
    private final IncomingAlertReader reader;
    private final AlertIntake intake;
    private final StationReports stations;
    private final HeartbeatSink heartbeats;
    private final ObjectMapper json;

    public InboundMessages(Plant plant, IncomingAlertReader reader, AlertIntake intake, StationReports stations,
                           HeartbeatSink heartbeats, ObjectMapper json) {
        this.plant = plant;
        this.reader = reader;
        this.intake = intake;
        this.stations = stations;
        this.heartbeats = heartbeats;
        this.json = json;
    }

    /**
     * Parses {@code raw} (UTF-8 JSON) and takes it in on behalf of {@code by} (the connector); returns the stored
     * alert, station status or heartbeat doc.
     */
    public Object accept(Kind kind, byte[] raw, Principal by, String reportedBy) {
        JsonNode doc = parse(raw);
        return switch (kind) {
            case ALERT -> alert(doc, by);
            case STATION -> station(doc, by, reportedBy);
            case HEARTBEAT -> heartbeat(doc, by);
        };
    }

    /** An alert raised by {@code by} (the poster's principal, or the connector's own for a broker's messages). */
    public AlertRecord alert(JsonNode doc, Principal by) {
        return intake.receive(reader.read(doc), by);
    }

    /** A JSON object from UTF-8 bytes, or a refusal saying what is wrong. */
    public JsonNode parse(byte[] raw) {
        JsonNode doc = parseAny(raw);
        if (!doc.isObject()) {
            throw new InvalidInputException("(payload)", "must be a JSON object");
        }
        return doc;
    }

    /** Any JSON value from UTF-8 bytes (invalid UTF-8 is refused as malformed). */
    public JsonNode parseAny(byte[] raw) {
        try {
            JsonNode doc = json.readTree(raw);
            if (doc == null || doc.isMissingNode()) {
                throw new InvalidInputException("(payload)", "is empty");
            }
            return doc;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("(payload)", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("(payload)", "unreadable: " + e.getMessage());
        }
    }

    /** The message's shape is checked here; permission, state, reason, saving and the audit record by the engine. */
    private StationStatus station(JsonNode doc, Principal by, String reportedBy) {
        List<Problem> problems = new ArrayList<>();
        String lineId = text(doc, "line", true, problems);
        String stationId = text(doc, "station", true, problems);
        String stateText = text(doc, "state", true, problems);
        String reason = text(doc, "reason", false, problems);
        String device = text(doc, "reportedBy", false, problems);
        knownStation(lineId, stationId, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return stations.report(by, lineId, stationId, stateText, reason, device == null ? reportedBy : device);
    }

    private JsonNode heartbeat(JsonNode doc, Principal by) {
        List<Problem> problems = new ArrayList<>();
        String source = text(doc, "source", true, problems);
        String lineId = text(doc, "line", true, problems);
        String stationId = text(doc, "station", false, problems);
        String version = text(doc, "modelVersion", false, problems);
        knownStation(lineId, stationId, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        heartbeats.heartbeat(by, source, lineId, stationId, version);
        return doc;
    }

    private void knownStation(String lineId, String stationId, List<Problem> problems) {
        if (lineId == null) {
            return;
        }
        Optional<Line> line = plant.line(lineId);
        if (line.isEmpty()) {
            problems.add(new Problem("line", "unknown line '" + lineId + "'"));
        } else if (stationId != null && line.get().station(stationId).isEmpty()) {
            problems.add(new Problem("station", "unknown station '" + stationId + "' on line '" + lineId + "'"));
        }
    }

    private static String text(JsonNode doc, String field, boolean required, List<Problem> problems) {
        JsonNode n = doc.get(field);
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
        return n.asText().trim();
    }
}
