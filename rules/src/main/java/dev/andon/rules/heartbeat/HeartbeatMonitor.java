package dev.andon.rules.heartbeat;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.identity.Principal;
import dev.andon.core.alert.Severity;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.intake.AlertIntake;
import dev.andon.core.intake.AlertLifecycle;
import dev.andon.rules.JsonCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Watches that AI models keep sending heartbeats. A model silent for longer than {@code silentAfter} raises a
 * "model-silent" alert for its line (decided by the runbooks like any other: manual rounds per PB-MODEL-SILENT);
 * its next heartbeat resolves that alert. Last-seen times are persisted, so a restart neither forgets a silent model
 * nor raises its alert twice. A model's first heartbeat (it is now watched) and a change of its station or version
 * are audited in the heartbeat's own write; the beats in between only move its last-seen time, a liveness signal
 * that would bury the trail (its consequences, a model-silent alert and its resolution, are audited as alerts).
 */
public final class HeartbeatMonitor {
    public static final String ALERT_TYPE = "model-silent";
    public static final String ACTOR = "andon-heartbeat";
    /** Longest source or model version, as for alerts. */
    public static final int MAX_TEXT = 200;
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatMonitor.class);

    private final AndonDatabase db;
    private final Plant plant;
    private final AlertStore alerts;
    private final AlertIntake intake;
    private final AlertLifecycle lifecycle;
    private final JsonCodec json;
    private final Clock clock;
    private final Duration silentAfter;
    private final Map<String, String> heartbeats;
    private final AuditTrail audit;

    public HeartbeatMonitor(AndonDatabase db, Plant plant, AlertStore alerts, AlertIntake intake, AlertLifecycle lifecycle,
                            JsonCodec json, AuditTrail audit, Clock clock, Duration silentAfter) {
        this.db = db;
        this.audit = audit;
        this.plant = plant;
        this.alerts = alerts;
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.json = json;
        this.clock = clock;
        this.silentAfter = silentAfter;
        this.heartbeats = db.jsonMap("rules-model-heartbeats");
    }

    /**
     * A heartbeat sent by {@code by} (the model's gateway token, or a connector); {@code station} (optional) is the
     * station the model watches, used on its model-silent alert.
     */
    public ModelHeartbeat heartbeat(Principal by, String source, String line, String station, String modelVersion) {
        List<Problem> problems = new ArrayList<>();
        if (source == null || source.isBlank()) {
            problems.add(new Problem("source", "is required"));
        } else if (source.length() > MAX_TEXT) {
            problems.add(new Problem("source", "is longer than " + MAX_TEXT + " characters"));
        }
        if (modelVersion != null && modelVersion.length() > MAX_TEXT) {
            problems.add(new Problem("modelVersion", "is longer than " + MAX_TEXT + " characters"));
        }
        Optional<Line> l = line == null ? Optional.empty() : plant.line(line);
        if (l.isEmpty()) {
            problems.add(new Problem("line", "unknown line '" + line + "'"));
        } else if (station != null && l.get().station(station).isEmpty()) {
            problems.add(new Problem("station", "unknown station '" + station + "' on line '" + line + "'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        String key = key(source.trim(), line);
        ModelHeartbeat hb = db.write(() -> {
            Optional<ModelHeartbeat> known = find(key);
            ModelHeartbeat before = known.orElse(new ModelHeartbeat(source.trim(), line, station, modelVersion, now, null));
            ModelHeartbeat after = before.seen(station, modelVersion, now);
            heartbeats.put(key, json.write(after));
            String object = "model/" + line + "/" + source.trim();
            if (known.isEmpty()) {
                audit.record(by, "model.register", object, null, summary(after));
            } else if (!Objects.equals(before.station(), after.station())
                    || !Objects.equals(before.modelVersion(), after.modelVersion())) {
                audit.record(by, "model.change", object, summary(before), summary(after));
            }
            return after;
        });
        if (hb.isSilent()) {
            resolveSilentAlert(key, hb);
            return find(key).orElse(hb);
        }
        return hb;
    }

    /** Raises a model-silent alert for every model silent too long that has none yet; returns the alerts raised. */
    public List<AlertRecord> check() {
        Instant now = clock.instant();
        List<AlertRecord> raised = new ArrayList<>();
        for (Map.Entry<String, String> e : List.copyOf(heartbeats.entrySet())) {
            ModelHeartbeat hb = json.read(e.getValue(), ModelHeartbeat.class);
            if (hb.isSilent() || !hb.lastSeenAt().plus(silentAfter).isBefore(now)) {
                continue;
            }
            Optional<Line> line = plant.line(hb.line());
            if (line.isEmpty() || plant.alertType(ALERT_TYPE).isEmpty()) {
                LOG.warn("model {} on {} is silent but the plant has no such line or no '{}' alert type", hb.source(), hb.line(), ALERT_TYPE);
                continue;
            }
            String station = hb.station() != null ? hb.station() : line.get().stations().get(0).id();
            long minutes = Duration.between(hb.lastSeenAt(), now).toMinutes();
            Alert alert = new Alert(null, hb.source(), hb.modelVersion(), hb.line(), station, ALERT_TYPE, Severity.HIGH,
                    1.0, now, now, Map.of("lastHeartbeatAt", hb.lastSeenAt().toString(), "silentMinutes", minutes,
                    "scope", hb.station() != null ? "station" : "line"));
            AlertRecord rec = intake.receive(alert, Principal.system(ACTOR));
            db.write(() -> heartbeats.put(e.getKey(), json.write(hb.raised(rec.id()))));
            raised.add(rec);
            LOG.warn("model {} on {} silent for {} min: alert {} raised", hb.source(), hb.line(), minutes, rec.id());
        }
        return raised;
    }

    /** For the background timer: never lets an exception kill the schedule. */
    public void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.error("heartbeat check failed; will retry at the next tick", e);
        }
    }

    /** Every model that ever sent a heartbeat, by source and line. */
    public List<ModelHeartbeat> list() {
        return heartbeats.values().stream().map(t -> json.read(t, ModelHeartbeat.class))
                .sorted(Comparator.comparing(ModelHeartbeat::line).thenComparing(ModelHeartbeat::source)).toList();
    }

    public Duration silentAfter() {
        return silentAfter;
    }

    private void resolveSilentAlert(String key, ModelHeartbeat hb) {
        alerts.find(hb.silentAlertId()).filter(r -> r.state().canMoveTo(AlertState.RESOLVED)).ifPresent(r ->
                lifecycle.transition(r.id(), AlertState.RESOLVED, Principal.system(ACTOR), "heartbeats from " + hb.source() + " resumed"));
        db.write(() -> heartbeats.put(key, json.write(hb.cleared())));
    }

    private static Map<String, Object> summary(ModelHeartbeat hb) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("line", hb.line());
        m.put("station", hb.station());
        m.put("modelVersion", hb.modelVersion());
        return m;
    }

    private Optional<ModelHeartbeat> find(String key) {
        return Optional.ofNullable(heartbeats.get(key)).map(t -> json.read(t, ModelHeartbeat.class));
    }

    private static String key(String source, String line) {
        return source + "|" + line;
    }
}
