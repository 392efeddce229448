package dev.andon.knowledge.ingest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a document that carries no metadata gets: its id from the file name, version {@code 1}, its type from the
 * folder it sits in (setting {@code knowledgeFolderTypes}, e.g. {@code "guides=training-guide, sops=sop"}) or the
 * fallback type; the title comes from the first heading (the parser's title candidate) or else the file name.
 */
public record MetadataDefaults(Map<String, String> folderTypes, String fallbackType) {
    public static final String DEFAULT_VERSION = "1";

    public MetadataDefaults {
        folderTypes = Map.copyOf(folderTypes);
    }

    public static MetadataDefaults standard() {
        return new MetadataDefaults(Map.of(), DocumentType.WORK_INSTRUCTION.id());
    }

    /**
     * Parses {@code "folder=type, other/folder=type"}; a {@code *} entry replaces the fallback type. Unknown types are
     * refused here, at start-up, rather than on every file.
     */
    public static MetadataDefaults parse(String folderTypes, String fallbackType) {
        Map<String, String> out = new LinkedHashMap<>();
        String fallback = fallbackType;
        if (folderTypes != null) {
            for (String entry : folderTypes.split("[,;\\n]")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("knowledgeFolderTypes: '" + entry.strip() + "' is not folder=type");
                }
                String folder = entry.substring(0, eq).strip().replace('\\', '/').replaceAll("^/+|/+$", "");
                String type = DocumentType.fromId(entry.substring(eq + 1)).orElseThrow(() -> new IllegalArgumentException(
                        "knowledgeFolderTypes: unknown document type in '" + entry.strip() + "'; expected one of "
                                + String.join(", ", DocumentType.ids()))).id();
                if (folder.equals("*")) {
                    fallback = type;
                } else {
                    out.put(folder, type);
                }
            }
        }
        String fb = DocumentType.fromId(fallback).orElseThrow(() -> new IllegalArgumentException(
                "unknown fallback document type '" + fallbackType + "'")).id();
        return new MetadataDefaults(out, fb);
    }

    /** The type for a file in {@code folder} ('/'-separated, "" for the top): the nearest configured folder wins. */
    public String typeFor(String folder) {
        String f = folder == null ? "" : folder;
        while (!f.isEmpty()) {
            String t = folderTypes.get(f);
            if (t != null) {
                return t;
            }
            int slash = f.lastIndexOf('/');
            f = slash < 0 ? "" : f.substring(0, slash);
        }
        return fallbackType;
    }

    /** An id from a file name: its base name, with anything an id may not hold turned into '-'. */
    public static String idFromFileName(String fileName) {
        String base = fileName;
        int slash = base.lastIndexOf('/');
        if (slash >= 0) {
            base = base.substring(slash + 1);
        }
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        String id = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[._-]+", "").replaceAll("-{2,}", "-");
        if (id.length() > 100) {
            id = id.substring(0, 100);
        }
        return id;
    }

    /** A readable title from a file name when the text has no heading: "lathe_tool-setup" → "lathe tool setup". */
    public static String titleFromFileName(String fileName) {
        String t = idFromFileName(fileName).replaceAll("[._-]+", " ").strip();
        return t.isEmpty() ? fileName : t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
    }
}
