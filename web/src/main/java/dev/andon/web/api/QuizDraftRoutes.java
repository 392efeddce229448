package dev.andon.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.assistant.training.QuizDrafts;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Principal;
import dev.andon.web.auth.Principals;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** Quiz questions drafted by the language model: trainers ask for drafts on a section, then approve or reject them. */
public final class QuizDraftRoutes {
    private final QuizDrafts drafts;
    private final EngineWorkers workers;
    private final RequestBodies bodies;
    private final JsonResponses responses;

    public QuizDraftRoutes(QuizDrafts drafts, EngineWorkers workers, RequestBodies bodies, JsonResponses responses) {
        this.drafts = drafts;
        this.workers = workers;
        this.bodies = bodies;
        this.responses = responses;
    }

    public void mount(Router router) {
        router.post("/api/training/quiz-drafts").handler(this::propose);
        router.get("/api/training/quiz-drafts").handler(ctx -> {
            Principal me = Principals.of(ctx);
            String document = ctx.queryParams().get("document");
            responses.reply(ctx, 200, workers.run(() -> Map.of("drafts", drafts.list(me, document))));
        });
        router.post("/api/training/quiz-drafts/:id/approve").handler(ctx -> {
            Principal me = Principals.of(ctx);
            responses.reply(ctx, 200, workers.run(() -> drafts.approve(me, ctx.pathParam("id"))));
        });
        router.post("/api/training/quiz-drafts/:id/reject").handler(ctx -> {
            Principal me = Principals.of(ctx);
            boolean empty = ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0;
            JsonNode body = empty ? null : RequestBodies.requireObject(bodies.json(ctx));
            String why = body == null ? null : RequestBodies.text(body, "reason");
            responses.reply(ctx, 200, workers.run(() -> drafts.reject(me, ctx.pathParam("id"), why)));
        });
    }

    private void propose(RoutingContext ctx) {
        Principal me = Principals.of(ctx);
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        String document = RequestBodies.requiredText(body, "document");
        String section = RequestBodies.requiredText(body, "section");
        JsonNode count = body.get("count");
        if (count != null && !count.canConvertToInt()) {
            throw new InvalidInputException("count", "must be a whole number");
        }
        int n = count == null ? 3 : count.asInt();
        responses.reply(ctx, 201, workers.run(() -> Map.of("drafts", drafts.propose(me, document, section, n))));
    }
}
