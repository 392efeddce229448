package dev.andon.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.error.InvalidInputException;
import io.vertx.ext.web.RoutingContext;

/** Reads a request's JSON body, turning malformed JSON into a 400 that says where it broke. */
public final class RequestBodies {
    private final ObjectMapper json;

    public RequestBodies(ObjectMapper json) {
        this.json = json;
    }

    public JsonNode json(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("(body)", "a JSON body is required");
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidInputException("(body)", "malformed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    /** An object body's text field; null when absent. Wrong types are reported with the field name. */
    public static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return n.asText();
    }

    public static String requiredText(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    /**
     * Binds an object body to {@code type}; a value of the wrong kind is refused naming the field and the JSON type
     * it must be ("must be a string", never a Java class name).
     */
    public <T> T bind(JsonNode body, Class<T> type) {
        try {
            return json.treeToValue(requireObject(body), type);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "(body)" : e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("(body)");
            JsonNode given = body.at("/" + field.replace('.', '/'));
            throw new InvalidInputException(field, "must be " + jsonType(e.getTargetType())
                    + (given.isMissingNode() ? "" : "; got " + describe(given)));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("(body)", "cannot be read: " + e.getOriginalMessage());
        }
    }

    /** How a Java type looks in JSON, for error messages. */
    static String jsonType(Class<?> t) {
        if (t == null) {
            return "of another type";
        }
        if (t == String.class || t == Character.class || t == char.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(t)) {
            return "an ISO-8601 time as a string (e.g. 2026-11-25T14:00:00Z)";
        }
        if (java.time.Duration.class.isAssignableFrom(t)) {
            return "an ISO-8601 duration as a string (e.g. PT30M)";
        }
        if (Number.class.isAssignableFrom(t) || t.isPrimitive() && t != boolean.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t.isEnum()) {
            return "one of " + java.util.Arrays.stream(t.getEnumConstants()).map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).toList();
        }
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String describe(JsonNode n) {
        return switch (n.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NULL -> "null";
            default -> "something else";
        };
    }

    public static JsonNode requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("(body)", "must be a JSON object");
        }
        return body;
    }
}
