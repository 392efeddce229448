package dev.andon.web.api;

import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.resolution.AlertResolutions;
import dev.andon.core.store.AlertStore;
import dev.andon.web.auth.Principals;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import io.vertx.ext.web.Router;

/** GET /api/alerts/{id}/recurrence: what fixed the same problem on the same station before, and how often it came back. */
public final class ResolutionRoutes {
    private final AlertResolutions resolutions;
    private final AlertStore alerts;
    private final PermissionPolicy policy;
    private final EngineWorkers workers;
    private final JsonResponses responses;

    public ResolutionRoutes(AlertResolutions resolutions, AlertStore alerts, PermissionPolicy policy,
                            EngineWorkers workers, JsonResponses responses) {
        this.resolutions = resolutions;
        this.alerts = alerts;
        this.policy = policy;
        this.workers = workers;
        this.responses = responses;
    }

    public void mount(Router router) {
        router.get("/api/alerts/:id/recurrence").handler(ctx -> {
            Principal who = Principals.of(ctx);
            String id = ctx.pathParam("id");
            responses.reply(ctx, 200, workers.run(() -> {
                policy.require(who, Action.ALERTS_READ, alerts.get(id).alert().line());
                return resolutions.recurrence(id);
            }));
        });
        router.get("/api/alerts/:id/resolution").handler(ctx -> {
            Principal who = Principals.of(ctx);
            String id = ctx.pathParam("id");
            responses.reply(ctx, 200, workers.run(() -> {
                policy.require(who, Action.ALERTS_READ, alerts.get(id).alert().line());
                return resolutions.store().forAlert(id)
                        .orElseThrow(() -> new dev.andon.core.error.NotFoundException("resolution of alert", id));
            }));
        });
    }
}
