package dev.andon.core.signin;

import java.time.Instant;
import java.util.Set;

/**
 * A sign-in account. For a person of the plant file the id is the person id and roles come from the plant file;
 * {@code extraRoles} adds Andon's own roles (admin). Local administrators who are not plant people have only extra
 * roles. Passwords are kept as Argon2id hashes only.
 *
 * @param mustChangePassword true for one-time passwords: the first thing the holder can do is set their own
 * @param sample            a password generated for the bundled sample plant's try-out, never for a real plant
 */
public record Account(String id, String name, Set<String> extraRoles, String passwordHash, boolean mustChangePassword,
                      boolean sample, boolean disabled, Instant createdAt, Instant passwordSetAt) {
    public Account {
        extraRoles = extraRoles == null ? Set.of() : Set.copyOf(extraRoles);
    }

    public Account withPassword(String hash, boolean oneTime, Instant at) {
        return new Account(id, name, extraRoles, hash, oneTime, false, disabled, createdAt, at);
    }

    public Account withDisabled(boolean off) {
        return new Account(id, name, extraRoles, passwordHash, mustChangePassword, sample, off, createdAt, passwordSetAt);
    }

    /** What an admin may see of an account: never the hash. */
    public record View(String id, String name, Set<String> extraRoles, boolean hasPassword, boolean mustChangePassword,
                       boolean sample, boolean disabled, Instant createdAt, Instant passwordSetAt) {
    }

    public View view() {
        return new View(id, name, extraRoles, passwordHash != null, mustChangePassword, sample, disabled, createdAt,
                passwordSetAt);
    }
}
