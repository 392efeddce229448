package dev.andon.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.assistant.Assistants;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.ChatRequest;
import dev.andon.core.error.InvalidInputException;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Map;

/** The assistant over HTTP: answers (whole or streamed as server-sent events), conversations and feedback. */
public final class ChatRoutes {
    private final Assistants assistants;
    private final EngineWorkers workers;
    private final RequestBodies bodies;
    private final JsonResponses responses;

    public ChatRoutes(Assistants assistants, EngineWorkers workers, RequestBodies bodies, JsonResponses responses) {
        this.assistants = assistants;
        this.workers = workers;
        this.bodies = bodies;
        this.responses = responses;
    }

    public void mount(Router router) {
        router.post("/api/chat").handler(this::answer);
        router.post("/api/chat/stream").handler(this::stream);
        router.post("/api/chat/feedback").handler(this::feedback);
        router.get("/api/chat/conversations").handler(ctx -> {
            String user = ctx.queryParams().get("userId");
            if (user == null || user.isBlank()) {
                throw new InvalidInputException("userId", "is required");
            }
            workers.run(() -> assistants.conversations().conversationsOf(user))
                    .onSuccess(list -> responses.ok(ctx, Map.of("conversations", list))).onFailure(ctx::fail);
        });
        router.get("/api/chat/conversations/:id").handler(ctx -> {
            String id = ctx.pathParam("id");
            String userId = ctx.queryParams().get("userId");
            workers.run(() -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("conversation", assistants.conversations().get(id));
                out.put("messages", assistants.conversations().messages(id, userId));
                return out;
            }).onSuccess(out -> responses.ok(ctx, out)).onFailure(ctx::fail);
        });
    }

    private ChatRequest request(RoutingContext ctx) {
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        return new ChatRequest(RequestBodies.text(body, "userId"), RequestBodies.text(body, "role"),
                RequestBodies.text(body, "line"), RequestBodies.text(body, "conversationId"),
                RequestBodies.text(body, "message"));
    }

    private void answer(RoutingContext ctx) {
        ChatRequest request = request(ctx);
        workers.run(() -> assistants.assistant().answer(request))
                .onSuccess(a -> responses.ok(ctx, a)).onFailure(ctx::fail);
    }

    /** Server-sent events: {@code token} events while the answer forms, then one {@code answer} event with citations. */
    private void stream(RoutingContext ctx) {
        ChatRequest request = request(ctx);
        HttpServerResponse response = ctx.response();
        // Tokens arrive on the model client's thread; writes go back through this request's event loop.
        Context eventLoop = ctx.vertx().getOrCreateContext();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache");
        workers.run(() -> assistants.assistant().answer(request, token -> {
            String event = sse("token", json(Map.of("text", token)));
            eventLoop.runOnContext(v -> {
                if (!response.closed()) {
                    response.write(event);
                }
            });
        })).onComplete(result -> {
            if (response.closed()) {
                return;
            }
            if (result.succeeded()) {
                ChatAnswer answer = result.result();
                response.end(sse("answer", json(answer)));
            } else {
                Throwable e = result.cause();
                String message = e instanceof InvalidInputException bad ? bad.getMessage() : "the answer could not be completed";
                response.end(sse("error", json(Map.of("message", message))));
            }
        });
    }

    private void feedback(RoutingContext ctx) {
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        String answerId = RequestBodies.requiredText(body, "answerId");
        String userId = RequestBodies.text(body, "userId");
        String rating = RequestBodies.requiredText(body, "rating");
        String comment = RequestBodies.text(body, "comment");
        workers.run(() -> assistants.feedback().rate(answerId, userId, rating, comment))
                .onSuccess(f -> responses.send(ctx, 201, f)).onFailure(ctx::fail);
    }

    private String json(Object value) {
        try {
            return responses.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sse(String event, String data) {
        return "event: " + event + "\ndata: " + data.replace("\n", "\ndata: ") + "\n\n";
    }
}
