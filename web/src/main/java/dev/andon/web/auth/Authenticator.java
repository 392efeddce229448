package dev.andon.web.auth;

import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.UnauthenticatedException;
import dev.andon.core.signin.BrowserSession;
import dev.andon.core.signin.Identities;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.Set;

/**
 * Finds who a request comes from: a bearer token (a JWT from /api/auth/token, or a machine token), or the browser's
 * session cookie. Credentials that are present but wrong are refused (401) rather than treated as anonymous. State
 * changes made with a cookie must carry the session's CSRF token in {@value #CSRF_HEADER}.
 */
public final class Authenticator implements Handler<RoutingContext> {
    public static final String SESSION_COOKIE = "andon_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SESSION_KEY = "andon.session";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** Where a holder of a one-time password may go before setting their own. */
    private static final Set<String> ONE_TIME_ALLOWED = Set.of("/api/auth/password", "/api/auth/logout",
            "/api/auth/session", "/api/auth/me");

    private final Identities identities;
    private final BearerTokens bearer;

    public Authenticator(Identities identities, BearerTokens bearer) {
        this.identities = identities;
        this.bearer = bearer;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String auth = ctx.request().getHeader("Authorization");
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                ctx.fail(new UnauthenticatedException("only Bearer authorization is accepted"));
                return;
            }
            String token = auth.substring(7).trim();
            if (Identities.looksLikeMachineToken(token)) {
                identities.machine(token).ifPresentOrElse(p -> {
                    Principals.set(ctx, p);
                    ctx.next();
                }, () -> ctx.fail(new UnauthenticatedException("unknown or revoked machine token")));
                return;
            }
            bearer.userOf(token).onComplete(r -> {
                Optional<Identities.SignedIn> who = r.succeeded() ? identities.signedIn(r.result()) : Optional.empty();
                if (who.isEmpty()) {
                    ctx.fail(new UnauthenticatedException("invalid or expired bearer token; get a new one at /api/auth/token"));
                } else {
                    admit(ctx, who.get());
                }
            });
            return;
        }
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        Optional<BrowserSession> session = cookie == null ? Optional.empty() : identities.session(cookie.getValue());
        Optional<Identities.SignedIn> who = session.flatMap(identities::signedIn);
        if (who.isPresent()) {
            if (!SAFE.contains(ctx.request().method())
                    && !session.get().csrfToken().equals(ctx.request().getHeader(CSRF_HEADER))) {
                ctx.fail(new ForbiddenException("missing or wrong " + CSRF_HEADER + " header (cross-site request refused)"));
                return;
            }
            ctx.put(SESSION_KEY, session.get());
            admit(ctx, who.get());
            return;
        }
        ctx.next();
    }

    private void admit(RoutingContext ctx, Identities.SignedIn who) {
        if (who.mustChangePassword() && !ONE_TIME_ALLOWED.contains(ctx.request().path())) {
            ctx.fail(new ForbiddenException("set your own password first (POST /api/auth/password)"));
            return;
        }
        Principals.set(ctx, who.principal());
        ctx.next();
    }
}
