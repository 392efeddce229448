package dev.andon.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.assistant.Assistants;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.ChatRequest;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Principal;
import dev.andon.web.auth.Principals;
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
            String user = Principals.of(ctx).id();
            workers.run(() -> assistants.conversations().conversationsOf(user))
                    .onSuccess(list -> responses.ok(ctx, Map.of("conversations", list))).onFailure(ctx::fail);
        });
        router.get("/api/chat/conversations/:id").handler(ctx -> {
            String id = ctx.pathParam("id");
            String userId = Principals.of(ctx).id();
            workers.run(() -> {
                Map<String, Object> out = new LinkedHashMap<>();
                // Owner check first: another user's conversation is refused before anything of it is read out.
                out.put("messages", assistants.conversations().messages(id, userId));
                out.put("conversation", assistants.conversations().get(id));
                return out;
            }).onSuccess(out -> responses.ok(ctx, out)).onFailure(ctx::fail);
        });
    }

    /**
     * The asker is the signed-in principal. A body may name which of their roles they ask in and the line they ask
     * about; {@code userId}/{@code role} claiming someone else are refused by the validator (403).
     */
    private ChatRequest request(RoutingContext ctx) {
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        Principal asker = Principals.of(ctx);
        String userId = RequestBodies.text(body, "userId");
        String role = RequestBodies.text(body, "role");
        String line = RequestBodies.text(body, "line");
        return new ChatRequest(userId == null ? asker.id() : userId,
                role == null ? asker.roles().stream().sorted().findFirst().orElse(null) : role,
                line == null ? asker.lines().stream().sorted().findFirst().orElse(null) : line,
                RequestBodies.text(body, "conversationId"), RequestBodies.text(body, "message"), asker);
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
        String claimed = RequestBodies.text(body, "userId");
        Principal who = Principals.of(ctx);
        String userId = who.id();
        if (claimed != null && !claimed.equals(userId)) {
            throw new ForbiddenException("you are signed in as " + userId + " and can only rate your own answers");
        }
        String rating = RequestBodies.requiredText(body, "rating");
        String comment = RequestBodies.text(body, "comment");
        workers.run(() -> assistants.feedback().rate(answerId, who, rating, comment))
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
