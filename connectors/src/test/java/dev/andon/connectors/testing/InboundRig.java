package dev.andon.connectors.testing;

import dev.andon.core.audit.AuditTrail;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.production.StationReports;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.connectors.base.InboundMessages;
import dev.andon.connectors.base.Rejections;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.IncomingAlertReader;
import dev.andon.core.json.AndonJson;
import dev.andon.core.line.StationStatus;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.DeadLetterStore;
import dev.andon.core.store.StationStatusStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The core parts an inbound connector works with, real and on disk: the sample plant, the alert reader, a store, and
 * an intake that stores each alert as received (the rules module decides in the application; here what matters is
 * what arrived).
 */
public final class InboundRig implements AutoCloseable {
    public final ObjectMapper json = AndonJson.newMapper();
    public final Plant plant = new PlantLoader().load(Path.of("../sample-plant/plant.yaml"));
    public final Clock clock = Clock.systemUTC();
    public final AndonDatabase db;
    public final AlertStore alerts;
    public final StationStatusStore stations;
    public final DeadLetterStore deadLetters;
    public final List<StationStatus> announced = new CopyOnWriteArrayList<>();
    public final List<String> heartbeats = new CopyOnWriteArrayList<>();
    public final StationReports reports;
    public final InboundMessages inbound;
    public final Rejections rejections;

    public InboundRig(Path dir, int deadLetterCapacity) {
        db = AndonDatabase.open(dir);
        alerts = new AlertStore(db, json);
        stations = new StationStatusStore(db, json);
        deadLetters = new DeadLetterStore(db, json, deadLetterCapacity);
        IncomingAlertReader reader = new IncomingAlertReader(plant, clock, Duration.ofMinutes(5), json);
        reports = new StationReports(db, plant, stations, PermissionPolicy.bundled(), new AuditTrail(db, json, clock), clock);
        reports.addListener(announced::add);
        inbound = new InboundMessages(plant, reader, (alert, by) -> alerts.insert(alert, r -> r), reports,
                (by, source, line, station, version) -> heartbeats.add(source + "@" + line + "/" + station + "#" + version),
                json);
        rejections = new Rejections(deadLetters, clock, 4096);
    }

    public List<AlertRecord> stored() {
        return alerts.list(AlertQuery.all());
    }

    public static String alert(String station, String type, double confidence) {
        return "{\"source\":\"vibration-model\",\"line\":\"L2\",\"station\":\"" + station + "\",\"type\":\"" + type
                + "\",\"severity\":\"high\",\"confidence\":" + confidence + ",\"timestamp\":\""
                + java.time.Instant.now() + "\"}";
    }

    @Override
    public void close() {
        db.close();
    }
}
