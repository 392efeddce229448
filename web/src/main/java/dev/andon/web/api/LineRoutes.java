package dev.andon.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.Problem;
import dev.andon.core.events.EventAddresses;
import dev.andon.core.store.LineStatusReader;
import dev.andon.core.line.StationState;
import dev.andon.core.line.StationStatus;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.StationStatusStore;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.EventPublisher;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The plant's lines and each line's live status; station state reports come in here too. */
public final class LineRoutes {
    private final Plant plant;
    private final LineStatusReader statusReader;
    private final StationStatusStore stations;
    private final EngineWorkers workers;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final EventPublisher events;
    private final Clock clock;

    public LineRoutes(Plant plant, LineStatusReader statusReader, StationStatusStore stations, EngineWorkers workers,
                      RequestBodies bodies, JsonResponses responses, EventPublisher events, Clock clock) {
        this.plant = plant;
        this.statusReader = statusReader;
        this.stations = stations;
        this.workers = workers;
        this.bodies = bodies;
        this.responses = responses;
        this.events = events;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/api/plant").handler(ctx -> responses.ok(ctx, Map.of(
                "id", plant.id(), "name", plant.name(), "timezone", plant.timezone().getId(),
                "lines", plant.lines(), "roles", plant.roles(), "shifts", plant.shifts(),
                "alertTypes", plant.alertTypes())));
        router.get("/api/people").handler(ctx -> responses.ok(ctx, Map.of("people", plant.people().stream()
                .map(p -> Map.of("id", p.id(), "name", p.name(), "roles", p.roles())).toList())));
        router.get("/api/lines").handler(ctx -> responses.ok(ctx, Map.of("lines", plant.lines())));
        router.get("/api/lines/:id/status").handler(this::status);
        router.post("/api/lines/:id/stations/:station/status").handler(this::report);
    }

    private void status(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        responses.reply(ctx, 200, workers.run(() -> statusReader.read(id)));
    }

    private void report(RoutingContext ctx) {
        String lineId = ctx.pathParam("id");
        String stationId = ctx.pathParam("station");
        Line line = plant.line(lineId).orElseThrow(() -> new NotFoundException("line", lineId));
        if (line.station(stationId).isEmpty()) {
            throw new NotFoundException("station", lineId + "/" + stationId);
        }
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        List<Problem> problems = new ArrayList<>();
        String stateText = RequestBodies.text(body, "state");
        String reason = RequestBodies.text(body, "reason");
        String reportedBy = dev.andon.web.auth.Principals.of(ctx).id();
        StationState state = null;
        if (stateText == null) {
            problems.add(new Problem("state", "is required (running, idle, down, blocked, starved, changeover, planned-maintenance)"));
        } else {
            state = StationState.parse(stateText).orElse(null);
            if (state == null || state == StationState.UNKNOWN) {
                problems.add(new Problem("state", "unknown station state '" + stateText + "'"));
            }
        }
        if (state == StationState.DOWN && (reason == null || reason.isBlank())) {
            problems.add(new Problem("reason", "is required when a station is down (a reason code)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        StationStatus status = new StationStatus(lineId, stationId, state, reason, clock.instant(), reportedBy);
        responses.reply(ctx, 200, workers.run(() -> {
            StationStatus saved = stations.save(status);
            events.publish(EventAddresses.STATION_STATUS, saved);
            return saved;
        }));
    }
}
