package dev.andon.connectors.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.andon.connectors.base.Connector;
import dev.andon.connectors.base.ConnectorHealth;
import dev.andon.connectors.base.ConnectorStats;
import dev.andon.connectors.base.InboundMessages;
import dev.andon.connectors.base.IntakeReport;
import dev.andon.connectors.base.Rejections;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.intake.AlertLifecycle;
import dev.andon.core.store.AlertStore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prometheus Alertmanager's webhook (payload version 4): each firing alert becomes an Andon alert through the normal
 * intake, labels mapped by {@link AlertmanagerMapping}; each resolved alert closes the matching open Andon alert (same
 * source, line, station and type) through the lifecycle, on behalf of the principal that posted. Alertmanager resends
 * a firing group every repeat interval: intake's deduplication counts those as repeats. An unusable alert is refused
 * on its own (dead letter, listed in the report) and the batch still answers 2xx, so Alertmanager does not resend
 * the rest forever. Runs on a worker thread.
 */
public final class AlertmanagerSource implements Connector {
    private final String name;
    private final AlertmanagerMapping mapping;
    private final InboundMessages inbound;
    private final AlertStore alerts;
    private final AlertLifecycle lifecycle;
    private final PermissionPolicy policy;
    private final Rejections rejections;
    private final ObjectMapper json;
    private final ConnectorStats stats;
    private volatile boolean enabled;

    public AlertmanagerSource(String name, AlertmanagerMapping mapping, InboundMessages inbound, AlertStore alerts,
                              AlertLifecycle lifecycle, PermissionPolicy policy, Rejections rejections,
                              ObjectMapper json, ConnectorStats stats) {
        this.name = name;
        this.mapping = mapping;
        this.inbound = inbound;
        this.alerts = alerts;
        this.lifecycle = lifecycle;
        this.policy = policy;
        this.rejections = rejections;
        this.json = json;
        this.stats = stats;
    }

    public IntakeReport receive(byte[] body, Principal who) {
        if (!enabled) {
            throw new ConflictException("connector '" + name + "' is switched off");
        }
        stats.message();
        JsonNode root;
        try {
            root = inbound.parse(body);
            JsonNode version = root.get("version");
            if (version == null || !"4".equals(version.asText())) {
                throw new InvalidInputException("version", "must be \"4\" (Alertmanager webhook payload version 4); got "
                        + version);
            }
            if (!root.path("alerts").isArray()) {
                throw new InvalidInputException("alerts", "must be an array");
            }
        } catch (InvalidInputException e) {
            rejections.rejectInbound(name, stats, describe(e.problems()), body);
            throw e;
        }
        List<IntakeReport.Accepted> accepted = new ArrayList<>();
        List<IntakeReport.Closed> closed = new ArrayList<>();
        List<Integer> unmatched = new ArrayList<>();
        List<IntakeReport.Rejected> rejected = new ArrayList<>();
        int index = 0;
        for (JsonNode am : root.get("alerts")) {
            int i = index++;
            try {
                ObjectNode doc = toAndon(am);
                String line = doc.path("line").asText(null);
                if (!policy.allows(who, Action.ALERTS_RAISE, line)) {
                    throw new InvalidInputException("line", "the poster may not raise alerts on line " + line);
                }
                if ("resolved".equals(am.path("status").asText())) {
                    Optional<AlertRecord> closedRec = close(doc, am, who);
                    closedRec.ifPresentOrElse(r -> closed.add(new IntakeReport.Closed(i, r.id(), r.state().wire())),
                            () -> unmatched.add(i));
                } else {
                    AlertRecord rec = inbound.alert(doc, who);
                    accepted.add(new IntakeReport.Accepted(i, rec.id(), rec.state().wire(),
                            rec.decision() == null || rec.decision().assignee() == null ? null
                                    : rec.decision().assignee().person()));
                }
            } catch (InvalidInputException e) {
                rejected.add(new IntakeReport.Rejected(i, e.problems()));
                rejections.rejectInbound(name, stats, "alerts[" + i + "]: " + describe(e.problems()),
                        am.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return new IntakeReport(index, accepted, closed, unmatched, rejected);
    }

    private Optional<AlertRecord> close(ObjectNode doc, JsonNode am, Principal who) {
        String fingerprint = doc.path("source").asText() + "|" + doc.path("line").asText() + "|"
                + doc.path("station").asText() + "|" + doc.path("type").asText();
        Optional<AlertRecord> open = alerts.openWithFingerprint(fingerprint);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        AlertRecord rec = open.get();
        // A new alert nobody was assigned to cannot be resolved by the lifecycle; it expires instead.
        AlertState to = rec.state().canMoveTo(AlertState.RESOLVED) ? AlertState.RESOLVED : AlertState.EXPIRED;
        if (!rec.state().canMoveTo(to)) {
            return Optional.empty();
        }
        String note = "resolved in Alertmanager" + (am.hasNonNull("endsAt") ? " at " + am.get("endsAt").asText() : "")
                + " (posted by " + who.id() + ")";
        // The source retracts its own alert: the connector acts, as a machine, in the poster's request.
        Principal connector = Principal.system("connector:" + name).inRequest(who.requestId());
        try {
            return Optional.of(lifecycle.transition(rec.id(), to, connector, note));
        } catch (ConflictException e) {
            return Optional.empty();
        }
    }

    /** The Andon alert document for one Alertmanager alert; missing fields are left to the reader to report. */
    ObjectNode toAndon(JsonNode am) {
        if (!am.isObject()) {
            throw new InvalidInputException("(alert)", "must be a JSON object");
        }
        JsonNode labels = am.path("labels");
        JsonNode annotations = am.path("annotations");
        ObjectNode doc = json.createObjectNode();
        doc.put("source", Optional.ofNullable(value(labels, annotations, mapping.sourceLabel()))
                .orElse(mapping.defaultSource()));
        putIfPresent(doc, "line", value(labels, annotations, mapping.lineLabel()));
        putIfPresent(doc, "station", value(labels, annotations, mapping.stationLabel()));
        putIfPresent(doc, "type", value(labels, annotations, mapping.typeLabel()));
        String severity = value(labels, annotations, mapping.severityLabel());
        if (severity != null) {
            doc.put("severity", mapping.severities().getOrDefault(severity.toLowerCase(Locale.ROOT), severity));
        }
        String confidence = value(labels, annotations, mapping.confidenceLabel());
        if (confidence == null) {
            doc.put("confidence", mapping.defaultConfidence());
        } else {
            try {
                doc.put("confidence", Double.parseDouble(confidence));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("labels." + mapping.confidenceLabel(),
                        "must be a number from 0 to 1; got '" + confidence + "'");
            }
        }
        if (am.hasNonNull("startsAt")) {
            doc.set("timestamp", am.get("startsAt"));
        }
        ObjectNode payload = doc.putObject("payload");
        payload.set("labels", labels.isObject() ? labels : json.createObjectNode());
        payload.set("annotations", annotations.isObject() ? annotations : json.createObjectNode());
        putIfPresent(payload, "generatorURL", am.path("generatorURL").asText(null));
        putIfPresent(payload, "fingerprint", am.path("fingerprint").asText(null));
        return doc;
    }

    private static String value(JsonNode labels, JsonNode annotations, String key) {
        if (key == null) {
            return null;
        }
        JsonNode v = labels.get(key);
        if (v == null || v.isNull()) {
            v = annotations.get(key);
        }
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void putIfPresent(ObjectNode doc, String field, String value) {
        if (value != null) {
            doc.put(field, value);
        }
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "alertmanager";
    }

    @Override
    public void start() {
        enabled = true;
    }

    @Override
    public void stop() {
        enabled = false;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public ConnectorHealth health() {
        return stats.health(name, kind(), "in", enabled, enabled, "POST /api/connectors/alertmanager[?connector=" + name + "]"
                + "; labels line=" + mapping.lineLabel() + ", station=" + mapping.stationLabel() + ", type="
                + mapping.typeLabel() + ", severity=" + mapping.severityLabel());
    }
}
