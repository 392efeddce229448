package dev.andon.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.web.auth.Principals;
import dev.andon.core.plant.Plant;
import dev.andon.rules.Runbooks;
import dev.andon.rules.silence.SilenceRequest;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import dev.andon.web.http.Uploads;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Runbook governance (rulesets), silences and maintenance windows, model heartbeats and incidents. */
public final class RulesRoutes {
    private final Plant plant;
    private final PermissionPolicy policy;
    private final Runbooks runbooks;
    private final EngineWorkers workers;
    private final RequestBodies bodies;
    private final JsonResponses responses;

    public RulesRoutes(Plant plant, Runbooks runbooks, EngineWorkers workers, RequestBodies bodies,
                       JsonResponses responses, PermissionPolicy policy) {
        this.policy = policy;
        this.plant = plant;
        this.runbooks = runbooks;
        this.workers = workers;
        this.bodies = bodies;
        this.responses = responses;
    }

    public void mount(Router router) {
        router.get("/api/rulesets").handler(ctx -> respond(ctx, 200, () -> Map.of(
                "active", runbooks.rulesets().active().map(v -> (Object) v).orElse(Map.of()),
                "versions", runbooks.rulesets().list())));
        router.post("/api/rulesets").handler(this::upload);
        router.post("/api/rulesets/rollback").handler(ctx -> {
            Principal who = Principals.of(ctx);
            respond(ctx, 200, () -> runbooks.rulesets().rollback(who));
        });
        router.get("/api/rulesets/:version").handler(ctx ->
                respond(ctx, 200, () -> runbooks.rulesets().get(ctx.pathParam("version"))));
        router.post("/api/rulesets/:version/backtest").handler(ctx -> {
            Principal who = Principals.of(ctx);
            respond(ctx, 200, () -> runbooks.rulesets().backtest(who, ctx.pathParam("version")));
        });
        router.post("/api/rulesets/:version/approve").handler(ctx -> {
            Principal approver = Principals.of(ctx);
            respond(ctx, 200, () -> runbooks.rulesets().approve(approver, ctx.pathParam("version")));
        });
        router.post("/api/rulesets/:version/activate").handler(ctx -> {
            Principal who = Principals.of(ctx);
            respond(ctx, 200, () -> runbooks.rulesets().activate(who, ctx.pathParam("version")));
        });

        router.get("/api/alerts/:id/escalations").handler(ctx -> {
            String id = ctx.pathParam("id");
            Principal who = Principals.of(ctx);
            respond(ctx, 200, () -> {
                policy.require(who, Action.ALERTS_READ, runbooks.escalations().lineOf(id));
                return Map.of("alert", id, "pending", runbooks.escalations().pending(id));
            });
        });
        router.get("/api/silences").handler(ctx -> {
            boolean all = "true".equals(ctx.queryParams().get("all"));
            respond(ctx, 200, () -> Map.of("silences", runbooks.silences().list(all)));
        });
        router.post("/api/silences").handler(this::silence);
        router.get("/api/silences/:id").handler(ctx -> respond(ctx, 200, () -> runbooks.silences().get(ctx.pathParam("id"))));
        router.post("/api/silences/:id/expire").handler(ctx -> {
            Principal who = Principals.of(ctx);
            respond(ctx, 200, () -> runbooks.silences().expire(ctx.pathParam("id"), who));
        });

        router.post("/api/heartbeats").handler(ctx -> {
            JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
            String source = RequestBodies.requiredText(body, "source");
            String line = RequestBodies.requiredText(body, "line");
            String station = RequestBodies.text(body, "station");
            String version = RequestBodies.text(body, "modelVersion");
            Principal who = Principals.of(ctx);
            respond(ctx, 200, () -> runbooks.heartbeats().heartbeat(who, source, line, station, version));
        });
        router.get("/api/heartbeats").handler(ctx -> respond(ctx, 200, () -> Map.of(
                "silentAfterSeconds", runbooks.heartbeats().silentAfter().toSeconds(),
                "models", runbooks.heartbeats().list())));

        router.get("/api/incidents").handler(ctx -> {
            String line = ctx.queryParams().get("line");
            boolean openOnly = !"false".equals(ctx.queryParams().get("open"));
            respond(ctx, 200, () -> Map.of("incidents", runbooks.incidents().list(line, openOnly)));
        });
        router.get("/api/incidents/:id").handler(ctx -> respond(ctx, 200, () -> {
            String id = ctx.pathParam("id");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("incident", runbooks.incidents().get(id));
            out.put("members", runbooks.incidents().members(id));
            return out;
        }));
        router.post("/api/incidents/:id/resolve").handler(ctx -> {
            Principal who = Principals.of(ctx);
            respond(ctx, 200, () -> {
                String id = ctx.pathParam("id");
                return runbooks.incidents().resolve(id, who);
            });
        });
    }

    /** Multipart files (DRL, CSV, XLSX) or JSON {files: {name: text}}; the author is the signed-in principal. */
    private void upload(RoutingContext ctx) {
        Principal author = Principals.of(ctx);
        String contentType = String.valueOf(ctx.request().getHeader("Content-Type"));
        if (contentType.startsWith("multipart/")) {
            List<FileUpload> files = Uploads.require(ctx);
            respond(ctx, 201, () -> runbooks.rulesets().upload(author, Uploads.read(files)));
            return;
        }
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        String claimed = RequestBodies.text(body, "author");
        if (claimed != null && !claimed.equals(author.id())) {
            throw new ForbiddenException("you are signed in as " + author.id() + " and cannot upload as " + claimed);
        }
        JsonNode files = body.get("files");
        if (files == null || !files.isObject() || files.isEmpty()) {
            throw new InvalidInputException("files", "must be an object of file name → file text");
        }
        Map<String, byte[]> content = new LinkedHashMap<>();
        files.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new InvalidInputException("files." + e.getKey(), "must be the file's text");
            }
            content.put(e.getKey(), e.getValue().asText().getBytes(StandardCharsets.UTF_8));
        });
        respond(ctx, 201, () -> runbooks.rulesets().upload(author, content));
    }

    private void silence(RoutingContext ctx) {
        SilenceRequest request = bodies.bind(bodies.json(ctx), SilenceRequest.class);
        Principal who = Principals.of(ctx);
        respond(ctx, 201, () -> runbooks.silences().create(request, who));
    }

    private void respond(RoutingContext ctx, int status, Callable<Object> work) {
        responses.reply(ctx, status, workers.run(work));
    }
}
