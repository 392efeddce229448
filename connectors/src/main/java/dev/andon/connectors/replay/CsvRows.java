package dev.andon.connectors.replay;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 fields of one CSV line: commas, double quotes, doubled quotes inside quotes. */
final class CsvRows {
    private CsvRows() {
    }

    /** The fields of {@code line}; null when a quote is left open (a field spanning lines is not supported). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(field.toString().trim());
        return out;
    }
}
