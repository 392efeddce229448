package dev.andon.web.http;

import dev.andon.core.error.ConflictException;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.PayloadTooLargeException;
import dev.andon.core.error.Problem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one failure handler: every domain exception and HTTP-level failure becomes a JSON body
 * {@code {"error": code, "message": text, "problems": [{field, message}]}} — never a stack trace.
 */
public final class ErrorResponder implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);
    private final JsonResponses responses;

    public ErrorResponder(JsonResponses responses) {
        this.responses = responses;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        // Engines answer through futures: what they refused arrives wrapped, and must still get its own status.
        while ((failure instanceof java.util.concurrent.CompletionException || failure instanceof java.util.concurrent.ExecutionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        int status = ctx.statusCode();
        if (failure instanceof InvalidInputException e) {
            send(ctx, 400, "invalid-input", "the request has " + e.problems().size() + " problem(s)", e.problems());
        } else if (failure instanceof NotFoundException e) {
            send(ctx, 404, "not-found", e.getMessage(), List.of());
        } else if (failure instanceof ConflictException e) {
            send(ctx, 409, "conflict", e.getMessage(), List.of());
        } else if (failure instanceof dev.andon.core.error.UnauthenticatedException e) {
            send(ctx, 401, "unauthenticated", e.getMessage(), List.of());
        } else if (failure instanceof dev.andon.core.error.TooManyRequestsException e) {
            ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            send(ctx, 429, "too-many-requests", e.getMessage(), List.of());
        } else if (failure instanceof ForbiddenException e) {
            send(ctx, 403, "forbidden", e.getMessage(), List.of());
        } else if (failure instanceof dev.andon.core.error.ServiceUnavailableException e) {
            long seconds = Math.max(1, e.retryAfter().toSeconds());
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            send(ctx, 503, "unavailable", e.getMessage(), List.of());
        } else if (failure instanceof PayloadTooLargeException e) {
            send(ctx, 413, "payload-too-large", e.getMessage(), List.of());
        } else if (failure == null && status == 413) {
            send(ctx, 413, "payload-too-large", "request body exceeds the limit for " + ctx.request().path(), List.of());
        } else if (failure == null && status == 404) {
            send(ctx, 404, "not-found", "no such endpoint: " + ctx.request().method() + " " + ctx.request().path(), List.of());
        } else if (failure == null && status == 405) {
            send(ctx, 405, "method-not-allowed", ctx.request().method() + " is not allowed on " + ctx.request().path(), List.of());
        } else if (failure == null && status >= 400 && status < 500) {
            send(ctx, status, "bad-request", "the request was refused (HTTP " + status + ")", List.of());
        } else {
            LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
            send(ctx, 500, "internal-error", "the request could not be completed; the error is in the server log", List.of());
        }
    }

    private void send(RoutingContext ctx, int status, String code, String message, List<Problem> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (!problems.isEmpty()) {
            body.put("problems", problems);
        }
        responses.send(ctx, status, body);
    }
}
