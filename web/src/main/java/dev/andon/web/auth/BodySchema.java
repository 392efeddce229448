package dev.andon.web.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request body an operation takes, as JSON Schema (2020-12, the dialect of OpenAPI 3.1). Written once in the
 * operation table: the OpenAPI document publishes it and the request contract validates every body against it, so
 * a client reads the same rules the server enforces. {@code multipart} bodies (uploads) are described here and read
 * by the upload routes, which see the parts; a JSON schema cannot see a file.
 */
public record BodySchema(Map<String, Object> schema, boolean required, boolean multipart, boolean jsonToo) {

    /** A JSON body that must be present. */
    public static BodySchema json(Map<String, Object> schema) {
        return new BodySchema(schema, true, false, false);
    }

    /** A JSON body that may be left out (an empty body is fine; a given one must fit). */
    public static BodySchema optionalJson(Map<String, Object> schema) {
        return new BodySchema(schema, false, false, false);
    }

    /** A multipart upload whose form fields are described by {@code schema}. */
    public static BodySchema multipart(Map<String, Object> schema) {
        return new BodySchema(schema, true, true, false);
    }

    /** A multipart upload that may also come as JSON fitting the same schema's {@code json} alternative. */
    public static BodySchema multipartOrJson(Map<String, Object> multipartSchema, Map<String, Object> jsonSchema) {
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("multipart", multipartSchema);
        both.put("json", jsonSchema);
        return new BodySchema(both, true, true, true);
    }

    public Map<String, Object> jsonSchema() {
        if (multipart && !jsonToo) {
            return null;
        }
        return jsonToo ? cast(schema.get("json")) : schema;
    }

    public Map<String, Object> multipartSchema() {
        if (!multipart) {
            return null;
        }
        return jsonToo ? cast(schema.get("multipart")) : schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    // --- building blocks, so the operation table reads as the contract it is ---

    public static Map<String, Object> text() {
        return Map.of("type", "string", "minLength", 1);
    }

    public static Map<String, Object> text(int maxLength) {
        return Map.of("type", "string", "maxLength", maxLength);
    }

    public static Map<String, Object> oneOf(String... values) {
        return Map.of("type", "string", "enum", List.of(values));
    }

    public static Map<String, Object> instant() {
        // no "format": the engine parses it and says what is wrong with it (too far back, no zone, …)
        return Map.of("type", "string", "description", "an ISO-8601 time, e.g. 2026-11-25T14:00:00Z");
    }

    public static Map<String, Object> flag() {
        return Map.of("type", "boolean");
    }

    public static Map<String, Object> number(double min, double max) {
        return Map.of("type", "number", "minimum", min, "maximum", max);
    }

    public static Map<String, Object> wholeNumber(long min, long max) {
        return Map.of("type", "integer", "minimum", min, "maximum", max);
    }

    public static Map<String, Object> list(Map<String, Object> items, int maxItems) {
        return Map.of("type", "array", "items", items, "maxItems", maxItems);
    }

    /** An object whose keys are free (file names, labels) and whose values fit {@code values}. */
    public static Map<String, Object> mapOf(Map<String, Object> values) {
        return Map.of("type", "object", "additionalProperties", values);
    }

    /** Any JSON object: the reader behind it (a connector's mapping, a model's payload) checks the rest. */
    public static Map<String, Object> anyObject(String description) {
        return Map.of("type", "object", "description", description);
    }

    public static Map<String, Object> file() {
        return Map.of("type", "string", "contentMediaType", "application/octet-stream");
    }

    public static Fields object() {
        return new Fields();
    }

    /** The fields of an object body. Unknown fields are refused unless {@link #open()} says the body may carry more. */
    public static final class Fields {
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private boolean open;
        private String description;

        public Fields required(String name, Map<String, Object> schema) {
            properties.put(name, schema);
            required.add(name);
            return this;
        }

        /** A field that may be left out or sent as null (what a form with an empty choice sends). */
        public Fields optional(String name, Map<String, Object> schema) {
            properties.put(name, nullable(schema));
            return this;
        }

        private static Map<String, Object> nullable(Map<String, Object> schema) {
            if (!(schema.get("type") instanceof String type)) {
                return schema;
            }
            Map<String, Object> out = new LinkedHashMap<>(schema);
            out.put("type", List.of(type, "null"));
            if (schema.get("enum") instanceof List<?> values) {
                List<Object> withNull = new ArrayList<>(values);
                withNull.add(null);
                out.put("enum", withNull);
            }
            return out;
        }

        /** Fields kept only for older clients: accepted, but must match the signed-in caller (checked by the route). */
        public Fields mustBeYou(String... names) {
            Arrays.stream(names).forEach(n -> properties.put(n, Map.of("type", List.of("string", "null"),
                    "description", "deprecated: who acts is the signed-in caller; a different value is refused (403)")));
            return this;
        }

        public Fields open() {
            this.open = true;
            return this;
        }

        public Fields described(String description) {
            this.description = description;
            return this;
        }

        public Map<String, Object> build() {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            if (description != null) {
                schema.put("description", description);
            }
            schema.put("properties", Map.copyOf(properties));
            if (!required.isEmpty()) {
                schema.put("required", List.copyOf(required));
            }
            if (!open) {
                schema.put("additionalProperties", false);
            }
            return schema;
        }
    }
}
