package dev.andon.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.IncomingAlertReader;
import dev.andon.core.alert.Alert;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.web.auth.Principals;
import dev.andon.core.error.Problem;
import dev.andon.core.plant.Plant;
import dev.andon.core.resolution.AlertResolutions;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;
import dev.andon.core.intake.AlertIntake;
import dev.andon.core.intake.AlertLifecycle;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Alerts in (any connector's REST path), decisions out, lifecycle transitions. */
public final class AlertRoutes {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final Plant plant;
    private final IncomingAlertReader reader;
    private final AlertIntake intake;
    private final AlertLifecycle lifecycle;
    private final AlertStore alerts;
    private final EngineWorkers workers;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final PermissionPolicy policy;
    private final AlertResolutions resolutions;

    public AlertRoutes(Plant plant, IncomingAlertReader reader, AlertIntake intake, AlertLifecycle lifecycle,
                       AlertStore alerts, EngineWorkers workers, RequestBodies bodies, JsonResponses responses,
                       PermissionPolicy policy, AlertResolutions resolutions) {
        this.policy = policy;
        this.resolutions = resolutions;
        this.plant = plant;
        this.reader = reader;
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.alerts = alerts;
        this.workers = workers;
        this.bodies = bodies;
        this.responses = responses;
    }

    public void mount(Router router) {
        router.post("/api/alerts").handler(this::receive);
        router.get("/api/alerts").handler(this::list);
        router.get("/api/alerts/:id").handler(this::get);
        router.post("/api/alerts/:id/transitions").handler(this::transition);
    }

    /**
     * Parsing and validation are a few microseconds of CPU, so they run here on the event loop; the alert then waits
     * in intake's queue (no worker thread held) and is answered once its batch is committed, with a receipt (id,
     * state, decision summary, link to the whole record). A full queue or a store that cannot write is a 503 with
     * Retry-After.
     */
    private void receive(RoutingContext ctx) {
        JsonNode body = bodies.json(ctx);
        Principal who = Principals.of(ctx);
        Alert alert = reader.read(body);
        // Raising is allowed per line: a model gateway's token bound to L1 cannot raise on L2.
        policy.require(who, Action.ALERTS_RAISE, alert.line());
        io.vertx.core.Future.fromCompletionStage(intake.submit(alert, who), ctx.vertx().getOrCreateContext())
                .onSuccess(rec -> {
                    ctx.response().putHeader("Location", "/api/alerts/" + rec.id());
                    responses.send(ctx, 202, AlertReceipt.of(rec));
                })
                .onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Principal who = Principals.of(ctx);
        // alerts:read is line-scoped: a token bound to L1 reads L1's alerts only (found by the derived line matrix)
        responses.reply(ctx, 200, workers.run(() -> {
            var rec = alerts.get(id);
            policy.require(who, Action.ALERTS_READ, rec.alert().line());
            return rec;
        }));
    }

    /**
     * Records one listing request may read from the file (beyond the newest, kept decoded): about 50–100 ms. A filter
     * that matches little (a quiet line, a rare state) otherwise decoded the whole history in one request.
     */
    static final int MAX_DECODED_PER_PAGE = 2_000;

    private void list(RoutingContext ctx) {
        AlertQuery query = query(ctx);
        workers.run(() -> alerts.page(query, MAX_DECODED_PER_PAGE))
                .onSuccess(p -> {
                    Map<String, Object> page = new java.util.LinkedHashMap<>();
                    page.put("alerts", p.alerts());
                    page.put("count", p.alerts().size());
                    // more may follow: ask again with before=<next>; a short page can have a next (see below)
                    if (p.next() != null) {
                        page.put("next", p.next());
                    }
                    responses.ok(ctx, page);
                })
                .onFailure(ctx::fail);
    }

    private void transition(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        List<Problem> problems = new ArrayList<>();
        String to = RequestBodies.text(body, "to");
        String claimed = RequestBodies.text(body, "actor");
        Principal actor = Principals.of(ctx);
        String note = RequestBodies.text(body, "note");
        AlertState target = null;
        if (to == null) {
            problems.add(new Problem("to", "is required (acknowledged, in-progress, resolved, …)"));
        } else {
            target = AlertState.parse(to).orElse(null);
            if (target == null) {
                problems.add(new Problem("to", "unknown state '" + to + "'"));
            }
        }
        if (claimed != null && !claimed.equals(actor.id())) {
            throw new ForbiddenException("you are signed in as " + actor.id() + " and cannot act as " + claimed);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AlertState state = target;
        // resolving may say what fixed it; the resolution record commits with the transition
        AlertResolutions.Input fix = new AlertResolutions.Input(RequestBodies.text(body, "cause"),
                RequestBodies.text(body, "causeCode"), RequestBodies.text(body, "action"), RequestBodies.text(body, "actionCode"));
        if (!fix.isEmpty() && state != AlertState.RESOLVED) {
            throw new InvalidInputException("cause", "cause and action are recorded only when resolving (to: resolved)");
        }
        workers.run(() -> fix.isEmpty() ? lifecycle.transition(id, state, actor, note)
                        : resolutions.resolve(lifecycle, id, actor, note, fix))
                .onSuccess(rec -> responses.ok(ctx, rec))
                .onFailure(ctx::fail);
    }

    private AlertQuery query(RoutingContext ctx) {
        List<Problem> problems = new ArrayList<>();
        String line = ctx.queryParams().get("line");
        String station = ctx.queryParams().get("station");
        String stateText = ctx.queryParams().get("state");
        String limitText = ctx.queryParams().get("limit");
        String beforeText = ctx.queryParams().get("before");
        if (line != null && plant.line(line).isEmpty()) {
            problems.add(new Problem("line", "unknown line '" + line + "'"));
        }
        boolean openOnly = false;
        AlertState state = null;
        if (stateText != null) {
            if (stateText.equalsIgnoreCase("open")) {
                openOnly = true;
            } else {
                state = AlertState.parse(stateText).orElse(null);
                if (state == null) {
                    problems.add(new Problem("state", "unknown state '" + stateText + "' (open, new, assigned, acknowledged, in-progress, resolved, escalated, suppressed, expired)"));
                }
            }
        }
        int limit = DEFAULT_LIMIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
                if (limit < 1 || limit > MAX_LIMIT) {
                    problems.add(new Problem("limit", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem("limit", "must be a whole number"));
            }
        }
        Long before = null;
        if (beforeText != null) {
            try {
                before = Long.parseLong(beforeText);
                if (before < 1) {
                    problems.add(new Problem("before", "must be an alert id (a positive whole number)"));
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem("before", "must be an alert id (a positive whole number); got a text"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AlertQuery(line, station, state, openOnly, null, limit, before);
    }
}
