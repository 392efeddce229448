package dev.andon.core.production;

import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.line.StationState;
import dev.andon.core.line.StationStatus;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one way a station's state is reported by hand or by a connector ({@code POST /api/lines/{id}/stations/{station}/status},
 * an MQTT station topic): stations:write on the line, validation, the new state and its audit record (state before
 * and after) in one commit; listeners hear the committed state once, afterwards. Line events that move a station
 * go through {@link ProductionEvents} instead.
 */
public final class StationReports {
    private static final Logger LOG = LoggerFactory.getLogger(StationReports.class);
    /** A reason code with a short note; it is shown on the board and in every inhibition note. */
    static final int MAX_REASON = 500;
    static final int MAX_REPORTED_BY = 200;

    private final AndonDatabase db;
    private final Plant plant;
    private final StationStatusStore stations;
    private final PermissionPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<Consumer<StationStatus>> listeners = new CopyOnWriteArrayList<>();

    public StationReports(AndonDatabase db, Plant plant, StationStatusStore stations, PermissionPolicy policy,
                          AuditTrail audit, Clock clock) {
        this.db = db;
        this.plant = plant;
        this.stations = stations;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Hears each committed report once (the live board, the SSE stream, station lights). */
    public void addListener(Consumer<StationStatus> listener) {
        listeners.add(listener);
    }

    /** A report by {@code who}; the station's "reported by" is who. */
    public StationStatus report(Principal who, String lineId, String stationId, String state, String reason) {
        return report(who, lineId, stationId, state, reason, null);
    }

    /**
     * As above; {@code device} (optional) names the device a connector relays for (an MQTT message's
     * {@code reportedBy}), shown as "reported by" instead of the connector. The audit record names {@code who}.
     * Unknown line or station: 404; not allowed stations:write on the line: 403; bad state or reason: 400.
     */
    public StationStatus report(Principal who, String lineId, String stationId, String state, String reason,
                                String device) {
        Line line = plant.line(lineId).orElseThrow(() -> new NotFoundException("line", lineId));
        if (line.station(stationId).isEmpty()) {
            throw new NotFoundException("station", lineId + "/" + stationId);
        }
        policy.require(who, Action.STATIONS_WRITE, lineId);
        String reportedBy = device == null ? who.id() : device;
        StationState parsed = validate(state, reason, reportedBy);
        StationStatus next = new StationStatus(lineId, stationId, parsed, reason, clock.instant(), reportedBy);
        StationStatus saved = db.write(() -> {
            StationStatus before = stations.get(lineId, stationId);
            StationStatus s = stations.save(next);
            audit.record(who, "station.report", "station/" + lineId + "/" + stationId, summary(before), summary(s));
            return s;
        });
        for (Consumer<StationStatus> l : listeners) {
            try {
                l.accept(saved);
            } catch (RuntimeException e) {
                LOG.warn("station listener failed", e);
            }
        }
        return saved;
    }

    private static StationState validate(String state, String reason, String reportedBy) {
        List<Problem> problems = new ArrayList<>();
        StationState parsed = null;
        if (state == null) {
            problems.add(new Problem("state", "is required (running, idle, down, blocked, starved, changeover, planned-maintenance)"));
        } else {
            parsed = StationState.parse(state).filter(s -> s != StationState.UNKNOWN).orElse(null);
            if (parsed == null) {
                problems.add(new Problem("state", "unknown station state '" + state
                        + "' (running, idle, down, blocked, starved, changeover, planned-maintenance)"));
            }
        }
        if (parsed == StationState.DOWN && (reason == null || reason.isBlank())) {
            problems.add(new Problem("reason", "is required when a station is down (a reason code)"));
        }
        if (reason != null && reason.length() > MAX_REASON) {
            problems.add(new Problem("reason", "is longer than " + MAX_REASON + " characters"));
        }
        if (reportedBy != null && reportedBy.length() > MAX_REPORTED_BY) {
            problems.add(new Problem("reportedBy", "is longer than " + MAX_REPORTED_BY + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return parsed;
    }

    /** What the audit record keeps of a state: enough to see the change, not the station's identity again. */
    private static Map<String, Object> summary(StationStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state() == null ? null : s.state().wire());
        m.put("reason", s.reason());
        m.put("since", s.since() == null ? null : s.since().toString());
        m.put("reportedBy", s.reportedBy());
        return m;
    }
}
