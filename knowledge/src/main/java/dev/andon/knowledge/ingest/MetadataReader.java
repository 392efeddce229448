package dev.andon.knowledge.ingest;

import dev.andon.core.error.Problem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the raw metadata fields of a document (front matter, sidecar, HTML meta tags) into {@link DocumentMetadata},
 * collecting every problem rather than stopping at the first, so an author fixes a file in one go.
 */
public final class MetadataReader {
    public static final List<String> FIELDS = List.of("id", "title", "type", "roles", "lines", "stations", "equipment",
            "version", "effectiveDate", "reviewDate", "owner", "ownerRole", "language", "safetyCritical", "training");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,19}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Set<String> knownRoles;
    private final Set<String> knownLines;
    private final Set<String> knownStations;

    /** Empty sets switch the corresponding check off (the knowledge base then accepts any role/line/station name). */
    public MetadataReader(Set<String> knownRoles, Set<String> knownLines, Set<String> knownStations) {
        this.knownRoles = Set.copyOf(knownRoles);
        this.knownLines = Set.copyOf(knownLines);
        this.knownStations = Set.copyOf(knownStations);
    }

    /** Reads the fields; problems are added to {@code problems} and the result is null if any was found. */
    public DocumentMetadata read(String fileName, Map<String, Object> fields, String titleFromText, List<Problem> problems) {
        int before = problems.size();
        for (String key : fields.keySet()) {
            if (!FIELDS.contains(key)) {
                problems.add(new Problem(key, fileName + ": unknown metadata field '" + key + "'; allowed fields are "
                        + String.join(", ", FIELDS)));
            }
        }
        String id = scalar(fileName, fields, "id", problems);
        if (id == null) {
            problems.add(new Problem("id", fileName + ": 'id' is required"));
        } else if (!ID.matcher(id).matches()) {
            problems.add(new Problem("id", fileName + ": id '" + id
                    + "' must be letters, digits, '.', '_' or '-' (up to 100 characters), starting with a letter or digit"));
        }
        String title = scalar(fileName, fields, "title", problems);
        if (title == null) {
            title = titleFromText;
        }
        if (title == null || title.isBlank()) {
            problems.add(new Problem("title", fileName + ": 'title' is required (or a top-level heading)"));
        }
        String type = scalar(fileName, fields, "type", problems);
        if (type == null) {
            problems.add(new Problem("type", fileName + ": 'type' is required; one of " + String.join(", ", DocumentType.ids())));
        } else if (DocumentType.fromId(type).isEmpty()) {
            problems.add(new Problem("type", fileName + ": unknown document type '" + type + "'; expected one of "
                    + String.join(", ", DocumentType.ids())));
        } else {
            type = DocumentType.fromId(type).get().id();
        }
        String version = scalar(fileName, fields, "version", problems);
        if (version == null) {
            problems.add(new Problem("version", fileName + ": 'version' is required (for example \"1.0\")"));
        } else if (!VERSION.matcher(version).matches()) {
            problems.add(new Problem("version", fileName + ": version '" + version
                    + "' must be letters, digits, '.', '_' or '-' (up to 20 characters)"));
        }
        List<String> roles = list(fileName, fields, "roles", knownRoles, problems);
        List<String> lines = list(fileName, fields, "lines", knownLines, problems);
        List<String> stations = list(fileName, fields, "stations", knownStations, problems);
        List<String> equipment = list(fileName, fields, "equipment", Set.of(), problems);
        LocalDate effective = date(fileName, fields, "effectiveDate", problems);
        LocalDate review = date(fileName, fields, "reviewDate", problems);
        if (effective != null && review != null && review.isBefore(effective)) {
            problems.add(new Problem("reviewDate", fileName + ": reviewDate " + review + " is before effectiveDate " + effective));
        }
        String owner = scalar(fileName, fields, "owner", problems);
        String ownerRole = scalar(fileName, fields, "ownerRole", problems);
        if (ownerRole != null && !knownRoles.isEmpty() && !knownRoles.contains(ownerRole)) {
            problems.add(new Problem("ownerRole", fileName + ": unknown role '" + ownerRole + "' in ownerRole; known: "
                    + String.join(", ", knownRoles.stream().sorted().toList())));
        } else if (ownerRole != null && !TAG.matcher(ownerRole).matches()) {
            problems.add(new Problem("ownerRole", fileName + ": '" + ownerRole + "' in ownerRole is not a valid role name"));
        }
        String language = scalar(fileName, fields, "language", problems);
        if (language != null) {
            language = language.toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(language).matches()) {
                problems.add(new Problem("language", fileName + ": language '" + language
                        + "' must be a two-letter ISO 639-1 code such as en, it, de"));
            }
        }
        boolean all = false;
        Set<String> criticalSections = new LinkedHashSet<>();
        Object critical = fields.get("safetyCritical");
        if (critical instanceof Boolean b) {
            all = b;
        } else if (critical instanceof Collection<?> c) {
            for (Object o : c) {
                String s = o == null ? "" : plain(o);
                if (s.isBlank()) {
                    problems.add(new Problem("safetyCritical", fileName + ": safetyCritical lists an empty section number"));
                } else {
                    criticalSections.add(s.trim());
                }
            }
        } else if (critical instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            all = Boolean.parseBoolean(s);
        } else if (critical != null) {
            problems.add(new Problem("safetyCritical", fileName
                    + ": safetyCritical must be true, false or a list of section numbers such as [\"4\", \"5\"]"));
        }
        TrainingMetadata training = new TrainingMetadataReader().read(fileName, fields.get("training"), problems);
        if (problems.size() > before) {
            return null;
        }
        return new DocumentMetadata(id, title.trim(), type, version, roles, lines, stations, equipment, effective, review,
                owner, language, all, criticalSections, ownerRole, training);
    }

    private static String scalar(String fileName, Map<String, Object> fields, String key, List<Problem> problems) {
        Object v = fields.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Collection<?> || v instanceof Map<?, ?>) {
            problems.add(new Problem(key, fileName + ": '" + key + "' must be a single value, not a list or a map"));
            return null;
        }
        String s = plain(v).trim();
        return s.isEmpty() ? null : s;
    }

    private static String plain(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Date d) {
            return d.toInstant().toString().substring(0, 10);
        }
        return v.toString();
    }

    private static List<String> list(String fileName, Map<String, Object> fields, String key, Set<String> known,
                                     List<Problem> problems) {
        Object v = fields.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v instanceof Map<?, ?>) {
            problems.add(new Problem(key, fileName + ": '" + key + "' must be a list of names"));
            return out;
        }
        Collection<?> items = v instanceof Collection<?> c ? c : List.of(plain(v).split(","));
        for (Object o : items) {
            if (o == null) {
                continue;
            }
            if (o instanceof Collection<?> || o instanceof Map<?, ?>) {
                problems.add(new Problem(key, fileName + ": '" + key + "' must be a flat list of names"));
                continue;
            }
            String s = plain(o).trim();
            if (s.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(s).matches()) {
                problems.add(new Problem(key, fileName + ": '" + s + "' in " + key + " is not a valid name"));
            } else if (!known.isEmpty() && !known.contains(s)) {
                problems.add(new Problem(key, fileName + ": unknown " + singular(key) + " '" + s + "'; known: "
                        + String.join(", ", known.stream().sorted().toList())));
            } else if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static String singular(String key) {
        return key.equals("equipment") ? key : key.substring(0, key.length() - 1);
    }

    private static LocalDate date(String fileName, Map<String, Object> fields, String key, List<Problem> problems) {
        String s = scalar(fileName, fields, key, problems);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(key, fileName + ": " + key + " '" + s + "' is not a date (use YYYY-MM-DD)"));
            return null;
        }
    }
}
