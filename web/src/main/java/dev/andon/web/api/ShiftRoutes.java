package dev.andon.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.shift.ShiftOccurrence;
import dev.andon.core.shift.ShiftTeams;
import dev.andon.web.auth.Principals;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A line's shifts (current, previous, next, each with its crew after swaps) and roster swaps. */
public final class ShiftRoutes {
    private final ShiftTeams teams;
    private final PermissionPolicy policy;
    private final EngineWorkers workers;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final Clock clock;

    public ShiftRoutes(ShiftTeams teams, PermissionPolicy policy, EngineWorkers workers, RequestBodies bodies,
                       JsonResponses responses, Clock clock) {
        this.teams = teams;
        this.policy = policy;
        this.workers = workers;
        this.bodies = bodies;
        this.responses = responses;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/api/lines/:id/shifts").handler(this::shifts);
        router.get("/api/roster/swaps").handler(this::swaps);
        router.post("/api/roster/swaps").handler(this::swap);
    }

    private void shifts(RoutingContext ctx) {
        String line = ctx.pathParam("id");
        Principal who = Principals.of(ctx);
        String atText = ctx.queryParams().get("at");
        Instant at;
        try {
            at = atText == null ? clock.instant() : Instant.parse(atText);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("at", "'" + atText + "' is not an ISO-8601 instant");
        }
        responses.reply(ctx, 200, workers.run(() -> {
            policy.require(who, Action.PLANT_READ, line);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("line", line);
            out.put("at", at);
            out.put("timezone", teams.calendar().zone().getId());
            teams.calendar().current(line, at).ifPresent(o -> out.put("current", withCrew(o)));
            teams.calendar().previous(line, at).ifPresent(o -> out.put("previous", withCrew(o)));
            teams.calendar().next(line, at).ifPresent(o -> out.put("next", withCrew(o)));
            return out;
        }));
    }

    private Map<String, Object> withCrew(ShiftOccurrence o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shift", o);
        m.put("crew", teams.crew(o));
        return m;
    }

    private void swaps(RoutingContext ctx) {
        Principal who = Principals.of(ctx);
        String line = ctx.queryParams().get("line");
        responses.reply(ctx, 200, workers.run(() -> {
            policy.require(who, Action.PLANT_READ, line);
            return Map.of("swaps", teams.swaps(line));
        }));
    }

    private void swap(RoutingContext ctx) {
        Principal who = Principals.of(ctx);
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        String shift = RequestBodies.requiredText(body, "shift");
        String role = RequestBodies.requiredText(body, "role");
        String out = RequestBodies.requiredText(body, "out");
        String in = RequestBodies.requiredText(body, "in");
        String reason = RequestBodies.text(body, "reason");
        responses.reply(ctx, 201, workers.run(() -> teams.swap(who, shift, role, out, in, reason)));
    }
}
