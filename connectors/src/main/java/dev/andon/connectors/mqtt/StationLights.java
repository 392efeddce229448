package dev.andon.connectors.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.connectors.base.Connector;
import dev.andon.connectors.base.ConnectorHealth;
import dev.andon.connectors.base.ConnectorStats;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.Severity;
import dev.andon.core.line.StationStatus;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Station;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.StationStatusStore;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Andon lights and boards over MQTT: after every alert change and station report, the station's colour and open-alert
 * count are published, retained with QoS 1, on {@code topic} ({@code {line}} and {@code {station}} filled in), so a
 * light that connects later gets the current state at once. Red: the station is stopped or has an open high or
 * critical alert; amber: other open alerts; green: nothing open. On every (re)connect all stations are published.
 */
public final class StationLights implements Connector {
    private static final Logger LOG = LoggerFactory.getLogger(StationLights.class);
    private final String name;
    private final String topic;
    private final Set<String> lines;
    private final Plant plant;
    private final AlertStore alerts;
    private final StationStatusStore stations;
    private final WorkerExecutor workers;
    private final ObjectMapper json;
    private final Clock clock;
    private final ConnectorStats stats;
    private final MqttSession session;
    private final MqttSettings settings;
    private volatile boolean enabled;

    public record Light(String line, String station, String colour, int openAlerts, String state, String at) {
    }

    public StationLights(String name, MqttSettings settings, String topic, Set<String> lines, Plant plant,
                         AlertStore alerts, StationStatusStore stations, Vertx vertx, WorkerExecutor workers,
                         ObjectMapper json, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.topic = topic;
        this.lines = Set.copyOf(lines);
        this.plant = plant;
        this.alerts = alerts;
        this.stations = stations;
        this.workers = workers;
        this.json = json;
        this.clock = clock;
        this.stats = new ConnectorStats(clock);
        this.session = new MqttSession(vertx, settings, name, m -> { }, this::publishAll);
    }

    public void alertChanged(AlertRecord rec) {
        changed(rec.alert().line(), rec.alert().station());
    }

    public void stationChanged(StationStatus status) {
        changed(status.line(), status.station());
    }

    private void changed(String line, String station) {
        if (!enabled || !session.isConnected() || !(lines.isEmpty() || lines.contains(line))) {
            return;
        }
        workers.executeBlocking(() -> {
            publish(light(line, station));
            return null;
        }, false);
    }

    private void publishAll() {
        workers.executeBlocking(() -> {
            for (Line l : plant.lines()) {
                if (lines.isEmpty() || lines.contains(l.id())) {
                    for (Station s : l.stations()) {
                        publish(light(l.id(), s.id()));
                    }
                }
            }
            return null;
        }, false);
    }

    /** The light of one station now. */
    public Light light(String line, String station) {
        List<AlertRecord> open = alerts.list(new AlertQuery(line, station, null, true, null, Integer.MAX_VALUE));
        StationStatus status = stations.get(line, station);
        boolean severe = open.stream().anyMatch(r -> r.alert().severity() == Severity.HIGH
                || r.alert().severity() == Severity.CRITICAL);
        String colour = status.state().isStopped() || severe ? "red" : open.isEmpty() ? "green" : "amber";
        return new Light(line, station, colour, open.size(), status.state().wire(), clock.instant().toString());
    }

    private void publish(Light light) {
        String t = topic.replace("{line}", light.line()).replace("{station}", light.station());
        try {
            session.publish(t, Buffer.buffer(json.writeValueAsBytes(light)), true)
                    .onSuccess(id -> stats.message())
                    .onFailure(e -> LOG.warn("connector {}: publishing {} failed: {}", name, t, e.getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "mqtt-lights";
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
        return stats.health(name, kind(), "out", enabled, session.isConnected(), settings.host() + ":"
                + settings.port() + (settings.tls() ? " (TLS)" : "") + ", topic " + topic
                + (session.lastError() == null ? "" : "; last error: " + session.lastError()));
    }
}
