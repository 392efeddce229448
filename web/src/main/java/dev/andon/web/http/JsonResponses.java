package dev.andon.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Writes Andon's records as JSON with the same mapper the store uses, so the API and stored shapes match. */
public final class JsonResponses {
    private final ObjectMapper json;

    public JsonResponses(ObjectMapper json) {
        this.json = json;
    }

    public void send(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            ctx.fail(e);
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(text);
    }

    /** Sends {@code result} when it succeeds; a failure goes to the failure handler, which maps it to a JSON error. */
    public void reply(RoutingContext ctx, int status, Future<?> result) {
        result.onSuccess(r -> send(ctx, status, r)).onFailure(ctx::fail);
    }

    public void ok(RoutingContext ctx, Object body) {
        send(ctx, 200, body);
    }

    public ObjectMapper mapper() {
        return json;
    }
}
