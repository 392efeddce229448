package dev.andon.connectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.connectors.alertmanager.AlertmanagerMapping;
import dev.andon.connectors.alertmanager.AlertmanagerSource;
import dev.andon.connectors.base.Connector;
import dev.andon.connectors.base.ConnectorHealth;
import dev.andon.connectors.base.ConnectorStats;
import dev.andon.connectors.base.HeartbeatSink;
import dev.andon.connectors.base.InboundMessages;
import dev.andon.connectors.base.Rejections;
import dev.andon.connectors.mqtt.MqttSettings;
import dev.andon.connectors.mqtt.MqttSource;
import dev.andon.connectors.mqtt.MqttTopics;
import dev.andon.connectors.mqtt.StationLights;
import dev.andon.connectors.out.Deliveries;
import dev.andon.connectors.out.EmailSink;
import dev.andon.connectors.out.NotificationFilter;
import dev.andon.connectors.out.NotificationSink;
import dev.andon.connectors.out.RetryPolicy;
import dev.andon.connectors.out.WebhookSink;
import dev.andon.connectors.replay.PreparedReplay;
import dev.andon.connectors.replay.RecordedAlertReplay;
import dev.andon.connectors.replay.ReplayJobs;
import dev.andon.connectors.replay.ReplayMapping;
import dev.andon.connectors.webhook.WebhookSignature;
import dev.andon.connectors.webhook.WebhookSource;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.IncomingAlertReader;
import dev.andon.core.connector.DeadLetter;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.events.EventAddresses;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.intake.AlertIntake;
import dev.andon.core.intake.AlertLifecycle;
import dev.andon.core.line.StationStatus;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.DeadLetterStore;
import dev.andon.core.store.DeliveryLog;
import dev.andon.core.store.StationStatusStore;
import dev.andon.core.production.StationReports;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every connector of the plant, built from the connectors file: the composition root creates this one object, hands
 * it engine events ({@link #alertChanged}) and mounts its HTTP entry points. Switching a connector on or off is an
 * administrator's act ({@code connectors:manage}).
 */
public final class Connectors implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Connectors.class);
    private final Map<String, Connector> all;
    private final List<StationLights> lights;
    private final Deliveries deliveries;
    private final DeadLetterStore deadLetters;
    private final PermissionPolicy policy;
    private final WorkerExecutor workers;
    private final MessageConsumer<String> stationEvents;
    private final dev.andon.connectors.base.ConnectorSwitches switches;
    private final RecordedAlertReplay replay;
    private final ReplayJobs replays;

    /** What the connectors work with, all from core; the application supplies the rules module's parts as these. */
    public record Parts(Plant plant, IncomingAlertReader reader, AlertIntake intake, AlertLifecycle lifecycle,
                        AlertStore alerts, StationStatusStore stations, StationReports stationReports,
                        HeartbeatSink heartbeats, AndonDatabase db, PermissionPolicy policy,
                        dev.andon.core.audit.AuditTrail audit, ObjectMapper json, Clock clock, Map<String, String> env) {
    }

    private Connectors(Map<String, Connector> all, List<StationLights> lights, Deliveries deliveries,
                       DeadLetterStore deadLetters, PermissionPolicy policy, WorkerExecutor workers,
                       MessageConsumer<String> stationEvents, RecordedAlertReplay replay,
                       dev.andon.connectors.base.ConnectorSwitches switches) {
        this.all = all;
        this.lights = lights;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.policy = policy;
        this.workers = workers;
        this.stationEvents = stationEvents;
        this.replay = replay;
        this.switches = switches;
        this.replays = new ReplayJobs(replay, Clock.systemUTC());
    }

    /** Loads {@code configFile} (missing: no connectors), builds every connector and starts those enabled. */
    public static Connectors start(Path configFile, Parts p, Vertx vertx) {
        ConnectorsConfig config = ConnectorsConfig.load(configFile, p.env());
        Path baseDir = configFile == null ? Path.of(".") : configFile.toAbsolutePath().getParent();
        WorkerExecutor workers = vertx.createSharedWorkerExecutor("andon-connectors", 8);
        DeadLetterStore deadLetters = new DeadLetterStore(p.db(), p.json(), config.deadLetters().capacityOr());
        Rejections rejections = new Rejections(deadLetters, p.clock(), config.deadLetters().maxKeptBytesOr());
        InboundMessages inbound = new InboundMessages(p.plant(), p.reader(), p.intake(), p.stationReports(),
                p.heartbeats(), p.json());
        Map<String, Connector> all = new LinkedHashMap<>();
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        dev.andon.connectors.base.ConnectorSwitches switches = new dev.andon.connectors.base.ConnectorSwitches(
                p.db(), p.json(), p.audit(), p.clock());
        for (ConnectorsConfig.Source s : config.sources()) {
            Connector c = switch (s.kind()) {
                case "mqtt" -> new MqttSource(s.name(), mqtt(s.broker(), s.name(), p.env(), baseDir),
                        new MqttTopics(s.topics().alerts(), s.topics().stations(), s.topics().heartbeats()),
                        s.maxPayloadBytes() == null ? 65_536 : s.maxPayloadBytes(),
                        s.maxPerSecond() == null ? 1000 : s.maxPerSecond(), vertx, workers, inbound, rejections,
                        p.clock());
                case "alertmanager" -> new AlertmanagerSource(s.name(), mapping(s), inbound, p.alerts(), p.lifecycle(),
                        p.policy(), rejections, p.json(), new ConnectorStats(p.clock()));
                default -> new WebhookSource(s.name(), s.bindings(), secret(s.hmacSecretEnv(), p.env()),
                        s.maxPayloadBytes() == null ? 1_048_576 : s.maxPayloadBytes(),
                        s.maxPerSecond() == null ? 100 : s.maxPerSecond(), inbound, p.policy(), rejections, p.clock());
            };
            all.put(s.name(), c);
            wanted.put(s.name(), s.enabledOr());
        }
        List<NotificationSink> sinks = new ArrayList<>();
        List<StationLights> lights = new ArrayList<>();
        for (ConnectorsConfig.Sink s : config.sinks()) {
            NotificationFilter filter = NotificationFilter.of(s.events(), s.lines(), s.roles());
            Connector c = switch (s.kind()) {
                case "webhook" -> new WebhookSink(s.name(), s.url(),
                        s.bearerTokenEnv() == null ? null : p.env().get(s.bearerTokenEnv()),
                        secret(s.hmacSecretEnv(), p.env()), filter, vertx, p.json(), new ConnectorStats(p.clock()));
                case "email" -> new EmailSink(s.name(), s.host(), s.port(), Boolean.TRUE.equals(s.starttls()),
                        s.username(), s.passwordEnv() == null ? null : p.env().get(s.passwordEnv()), s.from(), s.to(),
                        filter, vertx, new ConnectorStats(p.clock()));
                default -> new StationLights(s.name(), mqtt(s.broker(), s.name(), p.env(), baseDir),
                        s.topic() == null ? "andon/lights/{line}/{station}" : s.topic(),
                        s.lines() == null ? Set.of() : Set.copyOf(s.lines()), p.plant(), p.alerts(), p.stations(),
                        vertx, workers, p.json(), p.clock());
            };
            if (c instanceof NotificationSink n) {
                sinks.add(n);
            } else {
                lights.add((StationLights) c);
            }
            all.put(s.name(), c);
            wanted.put(s.name(), s.enabledOr());
        }
        ConnectorsConfig.Retry r = config.retry();
        Deliveries deliveries = new Deliveries(sinks, new DeliveryLog(p.db(), p.json()), rejections, vertx, workers,
                new RetryPolicy(r.attemptsOr(), Duration.ofMillis(r.initialMillisOr()), Duration.ofMillis(r.maxMillisOr())),
                p.json(), p.clock());
        MessageConsumer<String> stationEvents = lights.isEmpty() ? null
                : vertx.eventBus().<String>consumer(EventAddresses.STATION_STATUS, m -> {
                    try {
                        StationStatus s = p.json().readValue(m.body(), StationStatus.class);
                        lights.forEach(l -> l.stationChanged(s));
                    } catch (Exception e) {
                        LOG.warn("station event not understood: {}", e.getMessage());
                    }
                });
        wanted.forEach((name, configured) -> {
            boolean on = switches.of(name).map(dev.andon.connectors.base.ConnectorSwitches.Switch::on).orElse(configured);
            if (on) {
                all.get(name).start();
            }
        });
        deliveries.resumePending();
        LOG.info("connectors: {}", all.isEmpty() ? "none" : String.join(", ", all.keySet()));
        RecordedAlertReplay replay = new RecordedAlertReplay(p.reader(), p.intake(), p.json(), p.clock(),
                RecordedAlertReplay.Sleeper.real(), 1_000_000, 10_000);
        return new Connectors(all, lights, deliveries, deadLetters, p.policy(), workers, stationEvents, replay, switches);
    }

    private static MqttSettings mqtt(ConnectorsConfig.Broker b, String name, Map<String, String> env, Path baseDir) {
        return new MqttSettings(b.host(), b.port(), Boolean.TRUE.equals(b.tls()),
                b.trustPem() == null ? null : baseDir.resolve(b.trustPem()), b.username(),
                b.passwordEnv() == null ? null : env.get(b.passwordEnv()),
                b.clientId() == null ? "andon-" + name : b.clientId(),
                Duration.ofMillis(b.reconnectInitialMillis() == null ? 500 : b.reconnectInitialMillis()),
                Duration.ofMillis(b.reconnectMaxMillis() == null ? 30_000 : b.reconnectMaxMillis()),
                // MQTT's own maximum: a message the client could not decode would be redelivered forever; one it
                // decodes is measured against maxPayloadBytes and kept as a dead letter when over.
                268_435_455);
    }

    private static AlertmanagerMapping mapping(ConnectorsConfig.Source s) {
        AlertmanagerMapping d = AlertmanagerMapping.defaults();
        Map<String, String> l = s.labels() == null ? Map.of() : s.labels();
        Map<String, String> severities = new LinkedHashMap<>(AlertmanagerMapping.DEFAULT_SEVERITIES);
        if (s.severities() != null) {
            severities.putAll(s.severities());
        }
        return new AlertmanagerMapping(l.getOrDefault("line", d.lineLabel()), l.getOrDefault("station", d.stationLabel()),
                l.getOrDefault("type", d.typeLabel()), l.getOrDefault("severity", d.severityLabel()),
                l.getOrDefault("confidence", d.confidenceLabel()), l.getOrDefault("source", d.sourceLabel()),
                severities, s.defaultConfidence() == null ? d.defaultConfidence() : s.defaultConfidence(),
                s.defaultSource() == null ? d.defaultSource() : s.defaultSource());
    }

    private static WebhookSignature secret(String var, Map<String, String> env) {
        return var == null ? null : new WebhookSignature(env.get(var).getBytes(StandardCharsets.UTF_8));
    }

    /** An engine change listener (the rules module's, after each commit): notifications and andon lights. */
    public void alertChanged(AlertRecord rec) {
        deliveries.alertChanged(rec);
        lights.forEach(l -> l.alertChanged(rec));
    }

    /**
     * Replays a recording (checked in full first; refused as a whole → nothing written): as fast as possible it
     * answers with the report; paced ({@code speed} &gt; 0) it starts a background job to follow with {@link #replayJob}.
     */
    public Object replay(Principal who, byte[] recording, byte[] mapping, double speed) {
        policy.require(who, Action.REPLAY_RUN, null);
        PreparedReplay prepared = replay.prepare(recording, mapping == null ? null : ReplayMapping.parse(mapping));
        if (speed == 0) {
            return replay.run(prepared, 0, who, n -> { });
        }
        return replays.start(prepared, speed, who);
    }

    public ReplayJobs.Job replayJob(Principal who, String id) {
        policy.require(who, Action.REPLAY_RUN, null);
        return replays.get(id);
    }

    public List<ConnectorHealth> health() {
        return all.values().stream().map(Connector::health).toList();
    }

    public ConnectorHealth health(String name) {
        return connector(name).health();
    }

    /** Switches a connector on or off while Andon runs, and across restarts until switched back; administrators only. */
    public ConnectorHealth setEnabled(Principal who, String name, boolean on) {
        policy.require(who, Action.CONNECTORS_MANAGE, null);
        Connector c = connector(name);
        switches.record(who, name, on);
        if (on) {
            c.start();
        } else {
            c.stop();
        }
        LOG.info("connector {} switched {} by {}", name, on ? "on" : "off", who.id());
        return c.health();
    }

    /** The Alertmanager source of that name, or the only one when {@code name} is null. */
    public AlertmanagerSource alertmanager(String name) {
        return only(AlertmanagerSource.class, name, "alertmanager");
    }

    public WebhookSource webhook(String name) {
        return only(WebhookSource.class, name, "webhook");
    }

    public List<DeadLetter> deadLetters(Principal who, String connector, int limit) {
        policy.require(who, Action.CONNECTORS_MANAGE, null);
        return deadLetters.list(connector, limit);
    }

    public long deadLettersDropped() {
        return deadLetters.dropped();
    }

    public int deadLetterCount() {
        return deadLetters.size();
    }

    public int deadLetterCapacity() {
        return deadLetters.capacity();
    }

    private Connector connector(String name) {
        Connector c = all.get(name);
        if (c == null) {
            throw new NotFoundException("connector", name);
        }
        return c;
    }

    private <T extends Connector> T only(Class<T> type, String name, String kind) {
        List<T> matching = all.values().stream().filter(type::isInstance).map(type::cast)
                .filter(c -> name == null || c.name().equals(name)).toList();
        if (matching.isEmpty() || (name == null && matching.size() > 1)) {
            throw new NotFoundException(kind + " connector", name == null ? "(configure one in connectors.yaml"
                    + (matching.size() > 1 ? "; several exist, name one" : "") + ")" : name);
        }
        return matching.get(0);
    }

    @Override
    public void close() {
        if (stationEvents != null) {
            stationEvents.unregister();
        }
        List<Connector> reversed = new ArrayList<>(all.values());
        java.util.Collections.reverse(reversed);
        for (Connector c : reversed) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing connector {} failed", c.name(), e);
            }
        }
        replays.close();
        workers.close();
    }
}
