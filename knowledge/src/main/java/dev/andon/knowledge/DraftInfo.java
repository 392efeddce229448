package dev.andon.knowledge;

import java.time.Instant;

/**
 * A change to a controlled document that waits for approval: a new version ({@code kind} {@code version}) or a
 * deletion ({@code kind} {@code deletion}, {@code version} null for every version). {@code approverRole} is the role
 * that may approve (null: anyone the permission policy lets approve documents), never the person who asked.
 */
public record DraftInfo(String kind, String documentId, String version, String title, String file,
                        String requestedBy, Instant requestedAt, String approverRole, String currentVersion,
                        String approveLink) {
    public static final String VERSION = "version";
    public static final String DELETION = "deletion";
}
