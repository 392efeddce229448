package dev.andon.knowledge.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;

import java.util.LinkedHashMap;
import java.util.Map;

/** YAML front matter ("---" … "---" at the top of a Markdown or text file) and YAML sidecar files. */
public final class FrontMatter {
    // Big decimals keep "2.10" from turning into "2.1" when an author writes a version without quotes.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final ObjectMapper WRITER = YAMLMapper.builder()
            .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    /** The metadata fields and the body that follows them. */
    public record Split(Map<String, Object> fields, String body, boolean present) {
    }

    private FrontMatter() {
    }

    public static Split split(String fileName, String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!(t.startsWith("---\n") || t.startsWith("---\r\n"))) {
            return new Split(Map.of(), t, false);
        }
        int start = t.indexOf('\n') + 1;
        int end = -1;
        int pos = start;
        while (pos < t.length()) {
            int nl = t.indexOf('\n', pos);
            String line = (nl < 0 ? t.substring(pos) : t.substring(pos, nl)).strip();
            if (line.equals("---") || line.equals("...")) {
                end = pos;
                pos = nl < 0 ? t.length() : nl + 1;
                break;
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        if (end < 0) {
            throw new InvalidInputException("frontMatter", fileName + ": front matter starts with '---' but is never closed by a second '---' line");
        }
        return new Split(parseYaml(fileName, t.substring(start, end)), t.substring(pos), true);
    }

    /** Metadata fields as a sidecar file (what {@link #parseYaml} reads back to the same values). */
    public static byte[] toYaml(Map<String, Object> fields) {
        Map<String, Object> plain = new LinkedHashMap<>();
        fields.forEach((k, v) -> plain.put(k, v instanceof java.math.BigDecimal d ? d.toPlainString()
                : v instanceof java.util.Date d ? d.toInstant().toString().substring(0, 10) : v));
        try {
            return WRITER.writeValueAsBytes(plain);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write metadata " + fields, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseYaml(String fileName, String yaml) {
        if (yaml.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = YAML.readValue(yaml, Object.class);
            if (parsed == null) {
                return Map.of();
            }
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new InvalidInputException("frontMatter", fileName + ": metadata must be a YAML mapping of field: value");
            }
            return new LinkedHashMap<>((Map<String, Object>) map);
        } catch (JacksonException e) {
            String msg = e.getOriginalMessage();
            if (e.getLocation() != null) {
                msg += " (line " + e.getLocation().getLineNr() + ")";
            }
            throw new InvalidInputException(java.util.List.of(new Problem("frontMatter", fileName + ": metadata is not valid YAML: " + msg)));
        }
    }
}
