package dev.andon.web.auth;

import dev.andon.core.identity.PermissionPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 description of the API, written from the same operation table the guards are mounted from, so the
 * permission each operation needs (x-andon-permission) is always the one enforced.
 */
public final class OpenApiDocument {
    private OpenApiDocument() {
    }

    public static Map<String, Object> of(List<ApiOperation> operations, PermissionPolicy policy, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Andon API", "version", version,
                "description", "Errors are {error, message, problems[{field, message}]} with a 4xx status. "
                        + "Sign in at /api/auth/login (browser: session cookie plus X-CSRF-Token header on changes) or "
                        + "/api/auth/token (bearer JWT); machines use a bearer machine token with scopes "
                        + policy.scopes() + "."));
        Map<String, Object> schemes = new LinkedHashMap<>();
        schemes.put("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT or andon_ machine token"));
        schemes.put("session", Map.of("type", "apiKey", "in", "cookie", "name", Authenticator.SESSION_COOKIE));
        doc.put("components", Map.of("securitySchemes", schemes, "schemas", Map.of("Error", Map.of(
                "type", "object", "required", List.of("error", "message"),
                "properties", Map.of("error", Map.of("type", "string"), "message", Map.of("type", "string"),
                        "problems", Map.of("type", "array", "items", Map.of("type", "object", "properties",
                                Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string")))))))));
        Map<String, Map<String, Object>> paths = new LinkedHashMap<>();
        for (ApiOperation op : operations) {
            String path = op.openApiPath();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("summary", op.summary());
            o.put("operationId", op.operationId());
            List<Map<String, Object>> params = new ArrayList<>();
            for (String name : op.pathParams()) {
                params.add(Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string")));
            }
            if (!params.isEmpty()) {
                o.put("parameters", params);
            }
            if (op.body() != null) {
                o.put("requestBody", requestBody(op.body()));
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            if (op.answer() != null) {
                responses.put(Integer.toString(op.answer().status()), Map.of("description", op.answer().description(),
                        "content", Map.of("application/json", Map.of("schema", op.answer().schema()))));
            } else {
                responses.put("2XX", Map.of("description", "done"));
            }
            responses.put("4XX", Map.of("description", "refused", "content", Map.of("application/json",
                    Map.of("schema", Map.of("$ref", "#/components/schemas/Error")))));
            o.put("responses", responses);
            if (op.open()) {
                o.put("security", List.of());
            } else {
                String permission = op.action() == null ? "signed-in" : op.action().wireName();
                o.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
                o.put("x-andon-permission", permission);
                if (op.action() != null && op.action().lineScoped()) {
                    o.put("x-andon-line", op.lineParam() == null ? "checked against the object's line" : "path parameter " + op.lineParam());
                }
            }
            paths.computeIfAbsent(path, k -> new LinkedHashMap<>()).put(op.method().name().toLowerCase(), o);
        }
        doc.put("paths", paths);
        return doc;
    }

    private static Map<String, Object> requestBody(BodySchema body) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (body.jsonSchema() != null) {
            content.put("application/json", Map.of("schema", body.jsonSchema()));
        }
        if (body.multipartSchema() != null) {
            content.put("multipart/form-data", Map.of("schema", body.multipartSchema()));
        }
        return Map.of("required", body.required(), "content", content);
    }
}
