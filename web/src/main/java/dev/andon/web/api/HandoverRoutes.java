package dev.andon.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.handover.HandoverEdit;
import dev.andon.core.handover.HandoverMarkdown;
import dev.andon.core.handover.HandoverReport;
import dev.andon.core.handover.Handovers;
import dev.andon.core.identity.Principal;
import dev.andon.web.auth.Principals;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shift handover reports: the draft of a line's shift, edits and signature by the outgoing leader, acceptance or a
 * question back by the incoming leader; each as JSON, Markdown ({@code ?format=md}) or a printable page
 * ({@code ?format=html}).
 */
public final class HandoverRoutes {
    private static final Set<String> EDIT_FIELDS = Set.of("incidents", "nearMisses", "openLockouts", "equipmentNotes",
            "qualityHolds", "actions", "standingInstructions", "notes");

    private final Handovers handovers;
    private final HandoverMarkdown markdown;
    private final HandoverHtml html;
    private final EngineWorkers workers;
    private final RequestBodies bodies;
    private final JsonResponses responses;

    public HandoverRoutes(Handovers handovers, HandoverMarkdown markdown, HandoverHtml html, EngineWorkers workers,
                          RequestBodies bodies, JsonResponses responses) {
        this.handovers = handovers;
        this.markdown = markdown;
        this.html = html;
        this.workers = workers;
        this.bodies = bodies;
        this.responses = responses;
    }

    public void mount(Router router) {
        router.get("/api/lines/:id/handover").handler(ctx -> {
            Principal who = Principals.of(ctx);
            String line = ctx.pathParam("id");
            String shift = ctx.queryParams().get("shift");
            send(ctx, workers.run(() -> handovers.forLine(who, line, shift)));
        });
        router.get("/api/handovers").handler(this::list);
        router.get("/api/handovers/mine").handler(ctx -> {
            Principal who = Principals.of(ctx);
            workers.run(() -> handovers.handedOverTo(who.id()))
                    .onSuccess(r -> responses.ok(ctx, r.<Object>map(x -> x).orElse(Map.of("report", "none"))))
                    .onFailure(ctx::fail);
        });
        router.get("/api/handovers/:key").handler(ctx -> {
            Principal who = Principals.of(ctx);
            String key = ctx.pathParam("key");
            send(ctx, workers.run(() -> handovers.view(who, key)));
        });
        router.patch("/api/handovers/:key").handler(this::edit);
        router.post("/api/handovers/:key/sign").handler(ctx -> {
            Principal who = Principals.of(ctx);
            String key = ctx.pathParam("key");
            responses.reply(ctx, 200, workers.run(() -> handovers.sign(who, key)));
        });
        router.post("/api/handovers/:key/accept").handler(ctx -> {
            Principal who = Principals.of(ctx);
            String key = ctx.pathParam("key");
            String note = optionalText(ctx, "note");
            responses.reply(ctx, 200, workers.run(() -> handovers.accept(who, key, note)));
        });
        router.post("/api/handovers/:key/send-back").handler(ctx -> {
            Principal who = Principals.of(ctx);
            String key = ctx.pathParam("key");
            String question = optionalText(ctx, "question");
            responses.reply(ctx, 200, workers.run(() -> handovers.sendBack(who, key, question)));
        });
    }

    private void list(RoutingContext ctx) {
        Principal who = Principals.of(ctx);
        String line = ctx.queryParams().get("line");
        String limitText = ctx.queryParams().get("limit");
        int limit;
        try {
            limit = limitText == null ? 20 : Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "must be a whole number");
        }
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", "must be between 1 and 200");
        }
        workers.run(() -> handovers.list(who, line, limit))
                .onSuccess(list -> responses.ok(ctx, Map.of("handovers", list, "count", list.size())))
                .onFailure(ctx::fail);
    }

    private void edit(RoutingContext ctx) {
        Principal who = Principals.of(ctx);
        String key = ctx.pathParam("key");
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        List<Problem> problems = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!EDIT_FIELDS.contains(f)) {
                problems.add(new Problem(f, "is not a field of a handover edit (" + String.join(", ", EDIT_FIELDS) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        HandoverEdit edit;
        try {
            edit = responses.mapper().treeToValue(body, HandoverEdit.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidInputException("(body)", "does not fit a handover edit: lists of texts, actions as "
                    + "{id, text, owner, closed}, notes as text");
        }
        responses.reply(ctx, 200, workers.run(() -> handovers.edit(who, key, edit)));
    }

    private void send(RoutingContext ctx, Future<HandoverReport> report) {
        String format = ctx.queryParams().get("format");
        if (format == null || format.equals("json")) {
            responses.reply(ctx, 200, report);
        } else if (format.equals("md") || format.equals("markdown")) {
            report.onSuccess(r -> ctx.response().putHeader("Content-Type", "text/markdown; charset=utf-8")
                    .putHeader("Cache-Control", "no-store").end(markdown.render(r))).onFailure(ctx::fail);
        } else if (format.equals("html")) {
            report.onSuccess(r -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .end(html.render(r))).onFailure(ctx::fail);
        } else {
            ctx.fail(new InvalidInputException("format", "must be json, md or html"));
        }
    }

    private String optionalText(RoutingContext ctx, String field) {
        String raw = ctx.body() == null ? null : ctx.body().asString();
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return RequestBodies.text(RequestBodies.requireObject(bodies.json(ctx)), field);
    }
}
