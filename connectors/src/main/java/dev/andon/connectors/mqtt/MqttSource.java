package dev.andon.connectors.mqtt;

import dev.andon.connectors.base.Connector;
import dev.andon.connectors.base.ConnectorHealth;
import dev.andon.connectors.base.ConnectorStats;
import dev.andon.connectors.base.FloodGuard;
import dev.andon.connectors.base.InboundMessages;
import dev.andon.connectors.base.InboundMessages.Kind;
import dev.andon.connectors.base.Rejections;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Principal;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.mqtt.messages.MqttPublishMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Alerts, station events and model heartbeats from an MQTT broker. Subscribes with QoS 1 on a persistent session and
 * acknowledges a message only once it is stored or kept as a dead letter, in the order received — so what the broker
 * handed over is never lost, through a broker restart or Andon's. Messages are taken in on a worker pool (several at
 * once, so the store can commit them in groups); the event loop only sorts and acknowledges.
 */
public final class MqttSource implements Connector {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSource.class);
    private final String name;
    private final MqttSettings settings;
    private final MqttTopics topics;
    private final int maxPayloadBytes;
    private final FloodGuard flood;
    private final InboundMessages inbound;
    private final Rejections rejections;
    private final WorkerExecutor workers;
    private final ConnectorStats stats;
    private final Clock clock;
    private final MqttSession session;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private volatile boolean enabled;

    public MqttSource(String name, MqttSettings settings, MqttTopics topics, int maxPayloadBytes, int maxPerSecondPerTopic,
                      Vertx vertx, WorkerExecutor workers, InboundMessages inbound, Rejections rejections, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.topics = topics;
        this.maxPayloadBytes = maxPayloadBytes;
        this.flood = new FloodGuard(maxPerSecondPerTopic);
        this.inbound = inbound;
        this.rejections = rejections;
        this.workers = workers;
        this.clock = clock;
        this.stats = new ConnectorStats(clock);
        this.session = new MqttSession(vertx, settings, name, this::onMessage, this::subscribe);
    }

    private static final class InFlight {
        final MqttPublishMessage message;
        final Object client;
        boolean done;

        InFlight(MqttPublishMessage message, Object client) {
            this.message = message;
            this.client = client;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "mqtt";
    }

    @Override
    public synchronized void start() {
        if (!enabled) {
            enabled = true;
            session.open();
        }
    }

    @Override
    public synchronized void stop() {
        if (enabled) {
            enabled = false;
            session.close();
        }
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public ConnectorHealth health() {
        String detail = settings.host() + ":" + settings.port() + (settings.tls() ? " (TLS)" : "") + ", topics "
                + topics.filters().keySet() + (session.lastError() == null ? "" : "; last error: " + session.lastError());
        return stats.health(name, kind(), "in", enabled, session.isConnected(), detail);
    }

    public ConnectorStats stats() {
        return stats;
    }

    /** How many times the session connected (a reconnect after a broker restart counts). */
    public int connects() {
        return session.connects();
    }

    private void subscribe() {
        Map<String, Integer> filters = topics.filters().keySet().stream()
                .collect(Collectors.toMap(f -> f, f -> MqttQoS.AT_LEAST_ONCE.value()));
        session.client().subscribe(filters).onFailure(e -> LOG.warn("connector {}: subscribe failed", name, e));
    }

    /** On the event loop: sort the message, refuse floods and oversize at once, take the rest in on a worker. */
    private void onMessage(MqttPublishMessage m) {
        stats.message();
        InFlight slot = new InFlight(m, session.client());
        synchronized (inFlight) {
            inFlight.add(slot);
        }
        byte[] raw = m.payload().getBytes();
        String topic = m.topicName();
        Optional<Kind> kind = topics.kindOf(topic);
        String refusal = null;
        if (raw.length > maxPayloadBytes) {
            refusal = "oversized: " + raw.length + " bytes on topic " + topic + " (limit " + maxPayloadBytes + ")";
        } else if (!flood.allow(topic, clock.millis())) {
            refusal = "flood: topic " + topic + " sent more than " + flood.perSecond() + " messages in one second";
        } else if (kind.isEmpty()) {
            refusal = "no alert, station or heartbeat topic matches " + topic;
        }
        String finalRefusal = refusal;
        workers.executeBlocking(() -> {
            take(topic, kind.orElse(null), raw, finalRefusal);
            return null;
        }, false).onComplete(ar -> ackInOrder(slot));
    }

    private void take(String topic, Kind kind, byte[] raw, String refusal) {
        try {
            if (refusal != null) {
                rejections.rejectInbound(name, stats, refusal, raw);
                return;
            }
            // A broker's messages carry no Andon sign-in: the connector acts, as Andon's own machine.
            inbound.accept(kind, raw, Principal.system("connector:" + name), "mqtt:" + name + ":" + topic);
        } catch (InvalidInputException e) {
            rejections.rejectInbound(name, stats, "topic " + topic + ": " + e.problems().stream()
                    .map(Problem::toString).collect(Collectors.joining("; ")), raw);
        } catch (RuntimeException e) {
            LOG.error("connector {}: taking in a message from {} failed", name, topic, e);
            rejections.rejectInbound(name, stats, "topic " + topic + ": could not be stored: " + e.getMessage(), raw);
        }
    }

    /**
     * MQTT wants QoS 1 acknowledgements in the order the messages came; a slow one holds back those after it. A
     * message of an earlier connection is not acknowledged: the broker hands it over again and intake's
     * deduplication counts it as a repeat.
     */
    private void ackInOrder(InFlight finished) {
        synchronized (inFlight) {
            finished.done = true;
            while (!inFlight.isEmpty() && inFlight.peek().done) {
                InFlight f = inFlight.poll();
                if (f.message.qosLevel() != MqttQoS.AT_MOST_ONCE && f.client == session.client() && session.isConnected()) {
                    f.message.ack();
                }
            }
        }
    }
}
