package dev.andon.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.core.audit.AuditQuery;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.signin.Identities;
import dev.andon.core.identity.Principal;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Users, machine tokens and the audit trail: the administrators' side of identity. Permissions sit in the engines. */
public final class AdminRoutes {
    private static final int MAX_AUDIT = 1000;
    private final Identities identities;
    private final AuditTrail audit;
    private final EngineWorkers workers;
    private final RequestBodies bodies;
    private final JsonResponses responses;

    public AdminRoutes(Identities identities, AuditTrail audit, EngineWorkers workers, RequestBodies bodies,
                       JsonResponses responses) {
        this.identities = identities;
        this.audit = audit;
        this.workers = workers;
        this.bodies = bodies;
        this.responses = responses;
    }

    public void mount(Router router) {
        router.get("/api/users").handler(ctx -> {
            Principal p = Principals.of(ctx);
            responses.reply(ctx, 200, workers.run(() -> Map.of("users", identities.users(p))));
        });
        router.post("/api/users/:id/one-time-password").handler(ctx -> {
            Principal p = Principals.of(ctx);
            String id = ctx.pathParam("id");
            responses.reply(ctx, 200, workers.run(() -> Map.of("user", id,
                    "oneTimePassword", identities.issueOneTimePassword(p, id),
                    "note", "shown once; the user must set their own password at first sign-in")));
        });
        router.post("/api/users/:id/admin").handler(ctx -> {
            Principal p = Principals.of(ctx);
            boolean on = flag(bodies.json(ctx), "admin");
            responses.reply(ctx, 200, workers.run(() -> identities.setAdmin(p, ctx.pathParam("id"), on)));
        });
        router.post("/api/users/:id/disabled").handler(ctx -> {
            Principal p = Principals.of(ctx);
            boolean on = flag(bodies.json(ctx), "disabled");
            responses.reply(ctx, 200, workers.run(() -> identities.setDisabled(p, ctx.pathParam("id"), on)));
        });
        router.get("/api/tokens").handler(ctx -> {
            Principal p = Principals.of(ctx);
            responses.reply(ctx, 200, workers.run(() -> Map.of("tokens", identities.tokens(p))));
        });
        router.post("/api/tokens").handler(this::createToken);
        router.post("/api/tokens/:id/revoke").handler(ctx -> {
            Principal p = Principals.of(ctx);
            responses.reply(ctx, 200, workers.run(() -> identities.revokeToken(p, ctx.pathParam("id"))));
        });
        router.get("/api/audit").handler(this::auditList);
        router.get("/api/audit/verify").handler(ctx -> responses.reply(ctx, 200, workers.run(audit::verify)));
    }

    private void createToken(RoutingContext ctx) {
        Principal p = Principals.of(ctx);
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        String name = RequestBodies.text(body, "name");
        Set<String> scopes = strings(body, "scopes");
        Set<String> lines = strings(body, "lines");
        workers.run(() -> identities.createToken(p, name, scopes, lines))
                .onSuccess(t -> responses.send(ctx, 201, Map.of("token", t.token(), "secret", t.secret(),
                        "note", "the secret is shown once; send it as Authorization: Bearer <secret>")))
                .onFailure(ctx::fail);
    }

    private void auditList(RoutingContext ctx) {
        List<Problem> problems = new ArrayList<>();
        Instant from = instant(ctx, "from", problems);
        Instant to = instant(ctx, "to", problems);
        int limit = 100;
        String limitText = ctx.queryParams().get("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
                if (limit < 1 || limit > MAX_AUDIT) {
                    problems.add(new Problem("limit", "must be between 1 and " + MAX_AUDIT));
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem("limit", "must be a whole number"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AuditQuery q = new AuditQuery(ctx.queryParams().get("actor"), ctx.queryParams().get("object"), from, to, limit);
        responses.reply(ctx, 200, workers.run(() -> {
            var records = audit.query(q);
            return Map.of("records", records, "count", records.size());
        }));
    }

    private static Instant instant(RoutingContext ctx, String name, List<Problem> problems) {
        String v = ctx.queryParams().get(name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(name, "must be an ISO-8601 instant such as 2026-12-01T06:00:00Z"));
            return null;
        }
    }

    private static boolean flag(JsonNode body, String field) {
        JsonNode n = RequestBodies.requireObject(body).get(field);
        if (n == null || !n.isBoolean()) {
            throw new InvalidInputException(field, "is required: true or false");
        }
        return n.booleanValue();
    }

    private static Set<String> strings(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw new InvalidInputException(field, "must be an array of strings");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw new InvalidInputException(field, "must be an array of strings");
            }
            out.add(e.asText());
        }
        return out;
    }
}
