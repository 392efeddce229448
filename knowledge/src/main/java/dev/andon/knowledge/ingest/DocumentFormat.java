package dev.andon.knowledge.ingest;

import java.util.Locale;
import java.util.Optional;

/** File formats the knowledge base reads, recognised by file extension. */
public enum DocumentFormat {
    MARKDOWN(".md", ".markdown"),
    TEXT(".txt"),
    HTML(".html", ".htm"),
    PDF(".pdf");

    public static final String SIDECAR_SUFFIX = ".meta.yaml";
    public static final String SUPPORTED = ".md, .markdown, .txt, .html, .htm, .pdf";

    private final String[] extensions;

    DocumentFormat(String... extensions) {
        this.extensions = extensions;
    }

    public static Optional<DocumentFormat> of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (DocumentFormat f : values()) {
            for (String ext : f.extensions) {
                if (lower.endsWith(ext)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    public static boolean isSidecar(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(SIDECAR_SUFFIX);
    }

    public String extensionOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String ext : extensions) {
            if (lower.endsWith(ext)) {
                return ext;
            }
        }
        return extensions[0];
    }
}
