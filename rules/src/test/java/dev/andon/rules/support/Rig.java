package dev.andon.rules.support;

import dev.andon.core.config.AndonSettings;
import dev.andon.core.json.AndonJson;
import dev.andon.core.line.StationState;
import dev.andon.core.line.StationStatus;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import dev.andon.rules.Runbooks;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The rules module started as web starts it, on a real MapDB file in a test folder, with a clock the test moves and
 * the background timers off (tests fire escalations and heartbeat checks by hand).
 */
public final class Rig implements AutoCloseable {
    public final Path dir;
    public final Plant plant;
    public final MutableClock clock;
    private final Map<String, String> settings;
    public AndonDatabase db;
    public AlertStore alerts;
    public StationStatusStore stations;
    public Runbooks runbooks;

    private Rig(Path dir, Plant plant, MutableClock clock, Map<String, String> settings) {
        this.dir = dir;
        this.plant = plant;
        this.clock = clock;
        this.settings = settings;
        open();
    }

    /** A person of the rig's plant, signed in (roles from the plant file, lines from the roster). */
    public dev.andon.core.identity.Principal as(String personId) {
        return new dev.andon.core.identity.PlantPeople(plant).principalOf(personId)
                .orElseThrow(() -> new IllegalArgumentException("no person " + personId));
    }

    public static Rig start(Path dir, Instant now) {
        return start(dir, SampleRules.plant(), now, Map.of());
    }

    public static Rig start(Path dir, Plant plant, Instant now, Map<String, String> extraSettings) {
        Map<String, String> s = new HashMap<>();
        s.put("escalationTickMillis", "0");
        s.put("heartbeatCheckSeconds", "0");
        s.put("rulesDir", SampleRules.RULES_DIR.toAbsolutePath().normalize().toString());
        s.putAll(extraSettings);
        return new Rig(dir, plant, new MutableClock(now), s);
    }

    private void open() {
        db = AndonDatabase.open(dir);
        alerts = new AlertStore(db, AndonJson.newMapper());
        stations = new StationStatusStore(db, AndonJson.newMapper());
        runbooks = Runbooks.start(plant, new AndonSettings(Map.of(), settings), db, alerts, stations, clock,
                SampleRules.COMPILER);
    }

    /** Stops everything and starts again on the same data folder, as after a restart. */
    public void restart() {
        close();
        open();
    }

    public void stationDown(String line, String station, String reason) {
        stations.save(new StationStatus(line, station, StationState.DOWN, reason, clock.instant(), "plc"));
    }

    @Override
    public void close() {
        runbooks.close();
        db.close();
    }
}
