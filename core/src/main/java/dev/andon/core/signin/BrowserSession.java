package dev.andon.core.signin;

import java.time.Instant;
import java.util.Set;

/**
 * A browser sign-in: the cookie holds a random id whose SHA-256 is the key here, so a copy of the store does not let
 * anyone sign in. The CSRF token must come back in a header with every state change made with this cookie.
 * {@code ssoRoles} are the roles a single sign-on provider's groups gave at sign-in (null for a local password).
 */
public record BrowserSession(String idHash, String userId, String csrfToken, Instant createdAt, Instant expiresAt,
                             Set<String> ssoRoles) {
    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
