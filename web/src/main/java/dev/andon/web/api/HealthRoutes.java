package dev.andon.web.api;

import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** GET /health: each part up or down with its detail; 503 when any part is down, so a load balancer can tell. */
public final class HealthRoutes {
    private final Map<String, Supplier<PartHealth>> parts;
    private final EngineWorkers workers;
    private final JsonResponses responses;

    public HealthRoutes(Map<String, Supplier<PartHealth>> parts, EngineWorkers workers, JsonResponses responses) {
        this.parts = parts;
        this.workers = workers;
        this.responses = responses;
    }

    public void mount(Router router) {
        router.get("/health").handler(this::health);
    }

    private void health(RoutingContext ctx) {
        workers.run(() -> {
            Map<String, PartHealth> out = new LinkedHashMap<>();
            parts.forEach((name, check) -> {
                try {
                    out.put(name, check.get());
                } catch (RuntimeException e) {
                    out.put(name, PartHealth.down(Map.of("error", String.valueOf(e.getMessage()))));
                }
            });
            return out;
        }).onSuccess(out -> {
            boolean up = out.values().stream().allMatch(PartHealth::isUp);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", up ? "up" : "down");
            body.put("parts", out);
            responses.send(ctx, up ? 200 : 503, body);
        }).onFailure(ctx::fail);
    }
}
