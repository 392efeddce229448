package dev.andon.web.contract;

import dev.andon.core.error.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JSON Schema validation result into the problems every 400 of the API carries: one per field, named the
 * way the rest of the API names fields ({@code events[2].station}), in words a person fixing a request can act on.
 */
final class SchemaProblems {
    /** Keywords that only say "something below failed"; the failure below is the one worth reporting. */
    private static final Set<String> WRAPPERS = Set.of("properties", "items", "prefixItems", "allOf", "anyOf",
            "oneOf", "$ref", "patternProperties", "dependentSchemas", "contains", "not", "if", "then", "else");
    private static final Pattern PROPERTY = Pattern.compile("property \"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("Instance type (\\w+) is invalid. Expected (.+)$");

    private SchemaProblems() {
    }

    static List<Problem> of(OutputUnit result, JsonObject schema, Object body) {
        List<OutputUnit> leaves = new ArrayList<>();
        collect(result, leaves);
        // additionalProperties also flags declared fields whose value failed; report those by their own failure
        Set<String> failedElsewhere = new java.util.HashSet<>();
        for (OutputUnit u : leaves) {
            if (!"additionalProperties".equals(keyword(u))) {
                failedElsewhere.add(u.getInstanceLocation());
            }
        }
        Map<String, Problem> byField = new LinkedHashMap<>();
        for (OutputUnit u : leaves) {
            String keyword = keyword(u);
            if (WRAPPERS.contains(keyword)
                    || "additionalProperties".equals(keyword) && failedElsewhere.contains(u.getInstanceLocation())) {
                continue;
            }
            Problem p = problem(u, keyword, schema, body);
            byField.putIfAbsent(p.field(), p);
        }
        if (byField.isEmpty()) {
            byField.put("(body)", new Problem("(body)", "does not fit this request's schema (see /openapi.json)"));
        }
        return List.copyOf(byField.values());
    }

    private static void collect(OutputUnit unit, List<OutputUnit> into) {
        if (unit.getErrors() == null || unit.getErrors().isEmpty()) {
            if (unit.getError() != null) {
                into.add(unit);
            }
            return;
        }
        for (OutputUnit child : unit.getErrors()) {
            collect(child, into);
        }
    }

    private static Problem problem(OutputUnit u, String keyword, JsonObject schema, Object body) {
        String at = u.getInstanceLocation();
        String field = field(at);
        Object rule = at(schema, u.getKeywordLocation());
        return switch (keyword) {
            case "required" -> {
                Matcher m = PROPERTY.matcher(String.valueOf(u.getError()));
                String name = m.find() ? m.group(1) : "?";
                yield new Problem(join(field, name), "is required");
            }
            case "additionalProperties" -> {
                Object declared = at(schema, parent(u.getKeywordLocation()) + "/properties");
                String known = declared instanceof JsonObject o ? String.join(", ", o.fieldNames()) : "none";
                yield new Problem(field, "is not a field of this request (fields: " + known + ")");
            }
            case "type" -> {
                Matcher m = TYPE.matcher(String.valueOf(u.getError()));
                yield m.find() ? new Problem(field, "must be " + kinds(m.group(2)) + "; got " + kind(m.group(1)))
                        : new Problem(field, u.getError());
            }
            case "enum" -> new Problem(field, "must be one of " + (rule instanceof JsonArray a && a.size() <= 13 ? join(a)
                    : "the values listed for it in /openapi.json") + "; got " + quoted(at(body, at)));
            case "minLength" -> new Problem(field, Integer.valueOf(1).equals(rule) ? "must not be empty"
                    : "is shorter than " + rule + " characters");
            case "maxLength" -> new Problem(field, "is longer than " + rule + " characters");
            case "minimum" -> new Problem(field, "must be at least " + plain(rule) + "; got " + at(body, at));
            case "maximum" -> new Problem(field, "must be at most " + plain(rule) + "; got " + at(body, at));
            case "maxItems" -> new Problem(field, "has more than " + rule + " items");
            case "minItems" -> new Problem(field, "needs at least " + rule + " item" + (Integer.valueOf(1).equals(rule) ? "" : "s"));
            case "format" -> new Problem(field, "date-time".equals(rule)
                    ? "must be an ISO-8601 time with a zone (e.g. 2026-11-25T14:00:00Z); got " + quoted(at(body, at))
                    : "must be a " + rule + "; got " + quoted(at(body, at)));
            default -> new Problem(field, String.valueOf(u.getError()));
        };
    }

    private static String keyword(OutputUnit u) {
        String loc = u.getKeywordLocation() == null ? "" : u.getKeywordLocation();
        return loc.substring(loc.lastIndexOf('/') + 1);
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    /** {@code #/events/2/station} → {@code events[2].station}; the whole body is {@code (body)}. */
    static String field(String pointer) {
        String p = pointer == null ? "" : pointer.replaceFirst("^#", "");
        StringBuilder out = new StringBuilder();
        for (String part : p.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                out.append('[').append(name).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(name);
            }
        }
        return out.length() == 0 ? "(body)" : out.toString();
    }

    private static String join(String field, String name) {
        return "(body)".equals(field) ? name : field + "." + name;
    }

    /** The value at a JSON pointer ({@code #/a/0/b}) in a decoded document; null when there is none. */
    private static Object at(Object doc, String pointer) {
        Object cur = doc;
        String p = pointer == null ? "" : pointer.replaceFirst("^#", "");
        for (String part : p.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (cur instanceof JsonObject o) {
                cur = o.getValue(name);
            } else if (cur instanceof JsonArray a && name.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(name) < a.size()) {
                cur = a.getValue(Integer.parseInt(name));
            } else {
                return null;
            }
        }
        return cur;
    }

    /** "string, null" → "a string (or null)". */
    private static String kinds(String expected) {
        List<String> types = new ArrayList<>(List.of(expected.split("\\s*,\\s*")));
        boolean orNull = types.remove("null") && !types.isEmpty();
        return String.join(" or ", types.stream().map(SchemaProblems::kind).toList()) + (orNull ? " (or null)" : "");
    }

    private static String kind(String jsonType) {
        return switch (jsonType.toLowerCase(Locale.ROOT)) {
            case "string" -> "a string";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "object" -> "an object";
            case "array" -> "an array";
            case "null" -> "null";
            default -> jsonType;
        };
    }

    private static String join(JsonArray values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> {
            if (v != null) { // an optional field's null is not worth listing as a choice
                out.add(String.valueOf(v));
            }
        });
        return String.join(", ", out);
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static String plain(Object number) {
        if (number instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Long.toString(n.longValue());
        }
        return String.valueOf(number);
    }
}
