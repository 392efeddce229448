package dev.andon.web.api;

import dev.andon.connectors.Connectors;
import dev.andon.connectors.webhook.WebhookSignature;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Principal;
import dev.andon.web.auth.Principals;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connectors over HTTP: their health and dead letters, switching them on and off (administrators), and the
 * inbound webhooks — Prometheus Alertmanager's and the generic one. The connectors decide; this only renders.
 */
public final class ConnectorRoutes {
    private final Connectors connectors;
    private final EngineWorkers workers;
    private final JsonResponses responses;

    public ConnectorRoutes(Connectors connectors, EngineWorkers workers, JsonResponses responses) {
        this.connectors = connectors;
        this.workers = workers;
        this.responses = responses;
    }

    public void mount(Router router) {
        router.get("/api/connectors").handler(ctx -> {
            Principals.of(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("connectors", connectors.health());
            body.put("deadLetters", Map.of("kept", connectors.deadLetterCount(), "capacity",
                    connectors.deadLetterCapacity(), "dropped", connectors.deadLettersDropped()));
            responses.ok(ctx, body);
        });
        router.get("/api/connectors/dead-letters").handler(ctx -> {
            Principal who = Principals.of(ctx);
            String connector = ctx.queryParams().get("connector");
            int limit = limit(ctx.queryParams().get("limit"));
            responses.reply(ctx, 200, workers.run(() -> connectors.deadLetters(who, connector, limit)));
        });
        // With several Alertmanager connectors, ?connector=NAME picks one.
        router.post("/api/connectors/alertmanager").handler(ctx -> alertmanager(ctx, ctx.queryParams().get("connector")));
        router.post("/api/connectors/webhooks/:name").handler(this::webhook);
        router.get("/api/connectors/:name").handler(ctx -> {
            Principals.of(ctx);
            responses.ok(ctx, connectors.health(ctx.pathParam("name")));
        });
        router.post("/api/connectors/:name/enable").handler(ctx -> switchTo(ctx, true));
        router.post("/api/connectors/:name/disable").handler(ctx -> switchTo(ctx, false));
    }

    private void switchTo(RoutingContext ctx, boolean on) {
        Principal who = Principals.of(ctx);
        String name = ctx.pathParam("name");
        responses.reply(ctx, 200, workers.run(() -> connectors.setEnabled(who, name, on)));
    }

    private void alertmanager(RoutingContext ctx, String name) {
        Principal who = Principals.of(ctx);
        byte[] body = bytes(ctx);
        var source = connectors.alertmanager(name);
        responses.reply(ctx, 200, workers.run(() -> source.receive(body, who)));
    }

    private void webhook(RoutingContext ctx) {
        Principal who = Principals.of(ctx);
        byte[] body = bytes(ctx);
        var source = connectors.webhook(ctx.pathParam("name"));
        String signature = ctx.request().getHeader(WebhookSignature.HEADER);
        workers.run(() -> source.receive(body, signature, who)).onSuccess(report -> {
            boolean single = report.received() == 1 && report.rejected().isEmpty() && !isArray(body);
            responses.send(ctx, single ? 202 : 200, report);
        }).onFailure(ctx::fail);
    }

    private static boolean isArray(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }

    private static byte[] bytes(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
            throw new InvalidInputException("(body)", "a JSON body is required");
        }
        return ctx.body().buffer().getBytes();
    }

    private static int limit(String text) {
        if (text == null) {
            return 100;
        }
        try {
            int n = Integer.parseInt(text);
            if (n < 1 || n > 1000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "must be a whole number from 1 to 1000; got " + text);
        }
    }
}
