package dev.andon.web.auth;

import dev.andon.core.identity.Action;
import io.vertx.core.http.HttpMethod;

/**
 * One HTTP operation and the permission it needs. {@code lineParam} names the path parameter that holds the line
 * acted on, when there is one; otherwise the line (if any) is checked by the engine that knows it (an alert's line).
 * A null action means "anyone signed in"; {@code open} means no sign-in at all.
 */
public record ApiOperation(HttpMethod method, String path, Action action, String lineParam, boolean open,
                           String summary, BodySchema body, Answer answer) {
    /** A documented success answer: its status, what it means, and its JSON Schema. */
    public record Answer(int status, String description, java.util.Map<String, Object> schema) {
    }

    private static final java.util.regex.Pattern PARAM = java.util.regex.Pattern.compile(":([A-Za-z]+)");

    public static ApiOperation of(HttpMethod method, String path, Action action, String summary) {
        return new ApiOperation(method, path, action, null, false, summary, null, null);
    }

    public static ApiOperation onLine(HttpMethod method, String path, Action action, String lineParam, String summary) {
        return new ApiOperation(method, path, action, lineParam, false, summary, null, null);
    }

    public static ApiOperation open(HttpMethod method, String path, String summary) {
        return new ApiOperation(method, path, null, null, true, summary, null, null);
    }

    public static ApiOperation signedIn(HttpMethod method, String path, String summary) {
        return new ApiOperation(method, path, null, null, false, summary, null, null);
    }

    /** The same operation taking {@code body}: published in the OpenAPI document and validated on every request. */
    public ApiOperation with(BodySchema body) {
        return new ApiOperation(method, path, action, lineParam, open, summary, body, answer);
    }

    /** The same operation with its success answer described in the OpenAPI document. */
    public ApiOperation answering(Answer answer) {
        return new ApiOperation(method, path, action, lineParam, open, summary, body, answer);
    }

    /** The path as OpenAPI writes it ({id} rather than :id). */
    public String openApiPath() {
        return PARAM.matcher(path).replaceAll("{$1}");
    }

    /** The names of the path's parameters, in order ({@code :id} → {@code id}). */
    public java.util.List<String> pathParams() {
        return PARAM.matcher(path).results().map(m -> m.group(1)).toList();
    }

    public String operationId() {
        return method.name().toLowerCase() + openApiPath().replaceAll("[^A-Za-z0-9]+", "_");
    }
}
