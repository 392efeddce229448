package dev.andon.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Principal;
import dev.andon.core.plant.Plant;
import dev.andon.core.production.StationReports;
import dev.andon.core.store.LineStatusReader;
import dev.andon.web.auth.Principals;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** The plant's lines and each line's live status; station state reports come in here too. */
public final class LineRoutes {
    private static final int MAX_OPEN_ALERTS = 1000;
    private final Plant plant;
    private final LineStatusReader statusReader;
    private final StationReports reports;
    private final EngineWorkers workers;
    private final RequestBodies bodies;
    private final JsonResponses responses;

    public LineRoutes(Plant plant, LineStatusReader statusReader, StationReports reports, EngineWorkers workers,
                      RequestBodies bodies, JsonResponses responses) {
        this.plant = plant;
        this.statusReader = statusReader;
        this.reports = reports;
        this.workers = workers;
        this.bodies = bodies;
        this.responses = responses;
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
        String limitText = ctx.queryParams().get("limit");
        int limit = LineStatusReader.DEFAULT_OPEN_ALERTS;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 0 || limit > MAX_OPEN_ALERTS) {
                throw new InvalidInputException("limit", "must be a whole number from 0 to " + MAX_OPEN_ALERTS);
            }
        }
        int n = limit;
        responses.reply(ctx, 200, workers.run(() -> statusReader.read(id, n)));
    }

    /** Parses and renders; {@link StationReports} checks, validates, writes, audits and announces. */
    private void report(RoutingContext ctx) {
        String lineId = ctx.pathParam("id");
        String stationId = ctx.pathParam("station");
        Principal who = Principals.of(ctx);
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        String state = RequestBodies.text(body, "state");
        String reason = RequestBodies.text(body, "reason");
        responses.reply(ctx, 200, workers.run(() -> reports.report(who, lineId, stationId, state, reason)));
    }
}
