package dev.andon.core.identity;

import java.util.Set;

/**
 * Who is acting: a signed-in person (roles from the plant file, lines from the roster) or a machine token (scopes).
 * It is built by sign-in from what the store and the plant file say, never from a request body, and is passed into
 * every engine call that changes something.
 *
 * @param id        person id from the plant file, {@code admin:NAME} for a local administrator, or
 *                  {@code token:ID} for a machine token
 * @param allLines  true for plant-wide staff (not rostered on a line, on call, administrators)
 * @param requestId the request this principal acts in (for the audit trail), or null outside a request
 */
public record Principal(String id, String name, Kind kind, Set<String> roles, Set<String> lines, boolean allLines,
                        Set<String> scopes, String requestId) {
    public enum Kind { PERSON, MACHINE }

    /** The built-in role of people who manage users and tokens; it is not a plant role. */
    public static final String ADMIN_ROLE = "admin";

    public Principal {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        lines = lines == null ? Set.of() : Set.copyOf(lines);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public Principal(String id, String name, Kind kind, Set<String> roles, Set<String> lines, boolean allLines,
                     Set<String> scopes) {
        this(id, name, kind, roles, lines, allLines, scopes, null);
    }

    /** The same principal, acting in request {@code id}. */
    public Principal inRequest(String id) {
        return new Principal(this.id, name, kind, roles, lines, allLines, scopes, id);
    }

    public static Principal person(String id, String name, Set<String> roles, Set<String> lines, boolean allLines) {
        return new Principal(id, name, Kind.PERSON, roles, lines, allLines, Set.of());
    }

    public static Principal machine(String tokenId, String name, Set<String> scopes, Set<String> lines,
                                    boolean allLines) {
        return new Principal("token:" + tokenId, name, Kind.MACHINE, Set.of(), lines, allLines, scopes);
    }

    /** The service itself (timers, start-up, replays it runs on its own); never the result of a sign-in. */
    public static Principal system(String what) {
        return new Principal("system:" + what, what, Kind.MACHINE, Set.of(), Set.of(), true, Set.of("*"));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean worksOn(String line) {
        return allLines || lines.contains(line);
    }

    public boolean isPerson() {
        return kind == Kind.PERSON;
    }
}
