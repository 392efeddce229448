package dev.andon.web.api;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.line.StationStatus;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Station;
import dev.andon.core.production.KpiService;
import dev.andon.core.production.LineKpis;
import dev.andon.core.production.ProductionEvents;
import dev.andon.core.production.StationKpis;
import dev.andon.core.shift.ShiftOccurrence;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.StationStatusStore;
import dev.andon.web.auth.Principals;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Line events in (a batch per call), OEE out per shift or date range, and the andon board's snapshot. */
public final class ProductionRoutes {
    private final Plant plant;
    private final ProductionEvents events;
    private final KpiService kpis;
    private final StationStatusStore stations;
    private final AlertStore alerts;
    private final PermissionPolicy policy;
    private final EngineWorkers workers;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final Clock clock;

    public ProductionRoutes(Plant plant, ProductionEvents events, KpiService kpis, StationStatusStore stations,
                            AlertStore alerts, PermissionPolicy policy, EngineWorkers workers, RequestBodies bodies,
                            JsonResponses responses, Clock clock) {
        this.plant = plant;
        this.events = events;
        this.kpis = kpis;
        this.stations = stations;
        this.alerts = alerts;
        this.policy = policy;
        this.workers = workers;
        this.bodies = bodies;
        this.responses = responses;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.post("/api/lines/:id/events").handler(this::record);
        router.get("/api/lines/:id/kpis").handler(this::kpis);
        router.get("/api/board").handler(this::board);
    }

    private void record(RoutingContext ctx) {
        String line = ctx.pathParam("id");
        Principal who = Principals.of(ctx);
        if (plant.line(line).isEmpty()) {
            throw new NotFoundException("line", line);
        }
        var body = bodies.json(ctx);
        responses.reply(ctx, 200, workers.run(() -> events.record(who, line, body)));
    }

    private void kpis(RoutingContext ctx) {
        String line = ctx.pathParam("id");
        Principal who = Principals.of(ctx);
        if (plant.line(line).isEmpty()) {
            throw new NotFoundException("line", line);
        }
        String shift = ctx.queryParams().get("shift");
        String fromText = ctx.queryParams().get("from");
        String toText = ctx.queryParams().get("to");
        List<Problem> problems = new ArrayList<>();
        LocalDate from = date("from", fromText, problems);
        LocalDate to = date("to", toText, problems);
        if ((from == null) != (to == null) && problems.isEmpty()) {
            problems.add(new Problem(from == null ? "from" : "to", "a date range needs both from and to (YYYY-MM-DD)"));
        }
        if (shift != null && from != null) {
            problems.add(new Problem("shift", "give either shift or a date range, not both"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        responses.reply(ctx, 200, workers.run(() -> {
            policy.require(who, Action.PLANT_READ, line);
            return from != null ? kpis.range(line, from, to) : kpis.forShift(kpis.resolve(line, shift));
        }));
    }

    /** Every line and station with its state, open alerts and current-shift OEE: what the andon board draws. */
    private void board(RoutingContext ctx) {
        Principal who = Principals.of(ctx);
        responses.reply(ctx, 200, workers.run(() -> {
            policy.require(who, Action.PLANT_READ, null);
            List<Map<String, Object>> lines = new ArrayList<>();
            for (Line l : plant.lines()) {
                Optional<ShiftOccurrence> shift = kpis.calendar().current(l.id(), clock.instant());
                LineKpis k = shift.map(kpis::forShift).orElse(null);
                Map<String, StationKpis> byStation = new HashMap<>();
                if (k != null) {
                    k.stations().forEach(s -> byStation.put(s.station(), s));
                }
                Map<String, Integer> open = new HashMap<>();
                for (AlertRecord a : alerts.list(AlertQuery.openOn(l.id()))) {
                    open.merge(a.alert().station(), 1, Integer::sum);
                }
                List<Map<String, Object>> tiles = new ArrayList<>();
                for (Station s : l.stations()) {
                    StationStatus st = stations.get(l.id(), s.id());
                    Map<String, Object> tile = new LinkedHashMap<>();
                    tile.put("id", s.id());
                    tile.put("name", s.name());
                    tile.put("state", st.state());
                    tile.put("reason", st.reason());
                    tile.put("since", st.since());
                    tile.put("openAlerts", open.getOrDefault(s.id(), 0));
                    StationKpis sk = byStation.get(s.id());
                    tile.put("oee", sk == null ? null : sk.kpis().oee());
                    tiles.add(tile);
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", l.id());
                line.put("name", l.name());
                line.put("shift", shift.map(o -> Map.of("key", o.key(), "name", o.name(), "start", o.start(), "end", o.end()))
                        .orElse(null));
                line.put("oee", k == null ? null : k.kpis());
                line.put("output", k == null ? null : k.output());
                line.put("plan", k == null ? null : k.plan());
                line.put("stations", tiles);
                lines.add(line);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("plant", plant.name());
            out.put("timezone", plant.timezone().getId());
            out.put("at", clock.instant());
            out.put("lines", lines);
            return out;
        }));
    }

    private static LocalDate date(String field, String text, List<Problem> problems) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "'" + text + "' is not a date (YYYY-MM-DD, plant time)"));
            return null;
        }
    }
}
