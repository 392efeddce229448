package dev.andon.knowledge;

import java.util.Map;

/**
 * One uploaded document: its file name and bytes, optionally a metadata sidecar, and metadata given as form fields
 * (any of id, title, type, version, roles, lines, stations, equipment, effectiveDate, reviewDate, owner, ownerRole,
 * language, safetyCritical; lists comma-separated). Form fields add to what the file says; they may not contradict it.
 */
public record DocumentUpload(String fileName, byte[] content, byte[] sidecar, Map<String, String> fields) {
    public DocumentUpload {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public static DocumentUpload of(String fileName, byte[] content) {
        return new DocumentUpload(fileName, content, null, Map.of());
    }
}
