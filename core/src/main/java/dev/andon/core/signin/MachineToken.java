package dev.andon.core.signin;

import dev.andon.core.identity.Principal;

import java.time.Instant;
import java.util.Set;

/**
 * A machine token (a model gateway, a scraper): scopes say what it may do, lines where (empty: every line). Only the
 * SHA-256 of its secret is kept; the secret itself is shown once, when it is created.
 */
public record MachineToken(String id, String name, Set<String> scopes, Set<String> lines, String secretHash,
                           String createdBy, Instant createdAt, Instant revokedAt, String revokedBy) {
    public MachineToken {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        lines = lines == null ? Set.of() : Set.copyOf(lines);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public MachineToken revoke(String by, Instant at) {
        return new MachineToken(id, name, scopes, lines, secretHash, createdBy, createdAt, at, by);
    }

    public Principal principal() {
        return Principal.machine(id, name, scopes, lines, lines.isEmpty());
    }

    public record View(String id, String name, Set<String> scopes, Set<String> lines, String createdBy,
                       Instant createdAt, Instant revokedAt, String revokedBy) {
    }

    public View view() {
        return new View(id, name, scopes, lines, createdBy, createdAt, revokedAt, revokedBy);
    }
}
