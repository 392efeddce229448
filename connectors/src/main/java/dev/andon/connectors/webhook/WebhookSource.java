package dev.andon.connectors.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.andon.connectors.base.Connector;
import dev.andon.connectors.base.ConnectorHealth;
import dev.andon.connectors.base.ConnectorStats;
import dev.andon.connectors.base.FloodGuard;
import dev.andon.connectors.base.InboundMessages;
import dev.andon.connectors.base.IntakeReport;
import dev.andon.connectors.base.Rejections;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.PayloadTooLargeException;
import dev.andon.core.error.Problem;
import dev.andon.core.error.UnauthenticatedException;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A generic webhook for alerts: a body holds one alert document (as {@code POST /api/alerts}) or an array of them.
 * Each caller (a machine token, or a person) is bound to one source name, and an alert claiming another source is
 * refused, so a camera's token cannot raise alerts as the vibration model. Optionally the body must carry an
 * HMAC-SHA256 signature. Everything refused is counted and kept as a dead letter. Runs on a worker thread.
 */
public final class WebhookSource implements Connector {
    private final String name;
    private final Map<String, String> bindings;
    private final WebhookSignature signature;
    private final int maxPayloadBytes;
    private final FloodGuard flood;
    private final InboundMessages inbound;
    private final PermissionPolicy policy;
    private final Rejections rejections;
    private final Clock clock;
    private final ConnectorStats stats;
    private volatile boolean enabled;

    public WebhookSource(String name, Map<String, String> bindings, WebhookSignature signature, int maxPayloadBytes,
                         int maxPerSecondPerCaller, InboundMessages inbound, PermissionPolicy policy,
                         Rejections rejections, Clock clock) {
        this.name = name;
        this.bindings = Map.copyOf(bindings);
        this.signature = signature;
        this.maxPayloadBytes = maxPayloadBytes;
        this.flood = new FloodGuard(maxPerSecondPerCaller);
        this.inbound = inbound;
        this.policy = policy;
        this.rejections = rejections;
        this.clock = clock;
        this.stats = new ConnectorStats(clock);
    }

    /** A single document answers like POST /api/alerts (refused: 400); an array answers item by item. */
    public IntakeReport receive(byte[] body, String signatureHeader, Principal who) {
        if (!enabled) {
            throw new ConflictException("connector '" + name + "' is switched off");
        }
        stats.message();
        if (signature != null && !signature.verifies(body, signatureHeader)) {
            rejections.rejectInbound(name, stats, "signature: " + (signatureHeader == null ? "missing "
                    + WebhookSignature.HEADER + " header" : "does not match the body") + " (caller " + who.id() + ")", body);
            throw new UnauthenticatedException("the " + WebhookSignature.HEADER + " header is "
                    + (signatureHeader == null ? "missing" : "wrong") + ": HMAC-SHA256 of the body, as sha256=<hex>");
        }
        String source = bindings.get(who.id());
        if (source == null) {
            rejections.rejectInbound(name, stats, "caller " + who.id() + " is not bound to this webhook", body);
            throw new ForbiddenException(who.id() + " is not bound to webhook '" + name + "'");
        }
        if (!flood.allow(who.id(), clock.millis())) {
            rejections.rejectInbound(name, stats, "flood: caller " + who.id() + " sent more than "
                    + flood.perSecond() + " requests in one second", body);
            throw new ConflictException("more than " + flood.perSecond() + " requests in one second from " + who.id()
                    + "; slow down");
        }
        if (body.length > maxPayloadBytes) {
            rejections.rejectInbound(name, stats, "oversized: " + body.length + " bytes (limit " + maxPayloadBytes + ")", body);
            throw new PayloadTooLargeException("webhook body", maxPayloadBytes);
        }
        JsonNode root;
        try {
            root = parse(body);
        } catch (InvalidInputException e) {
            rejections.rejectInbound(name, stats, describe(e.problems()), body);
            throw e;
        }
        if (root.isObject()) {
            try {
                AlertRecord rec = take((ObjectNode) root, source, who);
                return new IntakeReport(1, List.of(accepted(0, rec)), List.of(), List.of(), List.of());
            } catch (InvalidInputException e) {
                rejections.rejectInbound(name, stats, describe(e.problems()), body);
                throw e;
            }
        }
        List<IntakeReport.Accepted> accepted = new ArrayList<>();
        List<IntakeReport.Rejected> rejected = new ArrayList<>();
        int i = 0;
        for (JsonNode doc : root) {
            int index = i++;
            try {
                if (!doc.isObject()) {
                    throw new InvalidInputException("[" + index + "]", "must be a JSON object");
                }
                accepted.add(accepted(index, take((ObjectNode) doc, source, who)));
            } catch (InvalidInputException e) {
                rejected.add(new IntakeReport.Rejected(index, e.problems()));
                rejections.rejectInbound(name, stats, "[" + index + "]: " + describe(e.problems()),
                        doc.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return new IntakeReport(i, accepted, List.of(), List.of(), rejected);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode root = inbound.parseAny(body);
            if (!root.isObject() && !root.isArray()) {
                throw new InvalidInputException("(body)", "must be an alert object or an array of them");
            }
            return root;
        } catch (InvalidInputException e) {
            throw e;
        }
    }

    private AlertRecord take(ObjectNode doc, String source, Principal who) {
        JsonNode claimed = doc.get("source");
        if (claimed != null && !claimed.isNull() && !source.equals(claimed.asText())) {
            throw new InvalidInputException("source", "this caller sends as '" + source + "', not '" + claimed.asText() + "'");
        }
        doc.put("source", source);
        String line = doc.path("line").asText(null);
        if (line != null && !policy.allows(who, Action.ALERTS_RAISE, line)) {
            throw new InvalidInputException("line", who.id() + " may not raise alerts on line " + line);
        }
        return inbound.alert(doc, who);
    }

    private static IntakeReport.Accepted accepted(int index, AlertRecord rec) {
        return new IntakeReport.Accepted(index, rec.id(), rec.state().wire(),
                rec.decision() == null || rec.decision().assignee() == null ? null : rec.decision().assignee().person());
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
        return "webhook";
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
        return stats.health(name, kind(), "in", enabled, enabled, "POST /api/connectors/webhooks/" + name + "; "
                + bindings.size() + " bound callers" + (signature == null ? "" : ", HMAC-SHA256 signature required"));
    }
}
