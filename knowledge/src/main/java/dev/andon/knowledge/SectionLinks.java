package dev.andon.knowledge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Stable API links to sections. The version is part of the link, so a citation keeps pointing at what was cited. */
public final class SectionLinks {
    public static final String BASE = "/api/knowledge/documents/";
    public static final String PAGE_BASE = "/knowledge/documents/";

    private SectionLinks() {
    }

    public static String section(String documentId, String section, String version) {
        return BASE + encode(documentId) + "/sections/" + encode(section) + "?version=" + encode(version);
    }

    /** The section as a readable HTML page (served by the web module), for people following a chat citation. */
    public static String page(String documentId, String section, String version) {
        return PAGE_BASE + encode(documentId) + "/sections/" + encode(section) + "?version=" + encode(version);
    }

    public static String document(String documentId) {
        return BASE + encode(documentId);
    }

    public static String document(String documentId, String version) {
        return document(documentId) + "?version=" + encode(version);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
