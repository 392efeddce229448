package dev.andon.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.core.identity.Action;
import dev.andon.core.signin.BrowserSession;
import dev.andon.core.signin.Identities;
import dev.andon.core.identity.Principal;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Sign-in and sign-out: a session cookie for the browser (HttpOnly, SameSite=Strict, a fresh id at every sign-in so a
 * planted cookie is never adopted), bearer tokens for API clients, and changing one's own password.
 */
public final class AuthRoutes {
    private final Identities identities;
    private final BearerTokens bearer;
    private final Plant plant;
    private final EngineWorkers workers;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final boolean secureCookies;

    public AuthRoutes(Identities identities, BearerTokens bearer, Plant plant, EngineWorkers workers,
                      RequestBodies bodies, JsonResponses responses, boolean secureCookies) {
        this.identities = identities;
        this.bearer = bearer;
        this.plant = plant;
        this.workers = workers;
        this.bodies = bodies;
        this.responses = responses;
        this.secureCookies = secureCookies;
    }

    public void mount(Router router) {
        router.post("/api/auth/login").handler(this::login);
        router.post("/api/auth/token").handler(this::token);
        router.get("/api/auth/session").handler(this::session);
        router.post("/api/auth/logout").handler(this::logout);
        router.post("/api/auth/password").handler(this::password);
        router.get("/api/auth/me").handler(ctx -> responses.ok(ctx, describe(Principals.of(ctx), null, false)));
    }

    private void login(RoutingContext ctx) {
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        String user = RequestBodies.text(body, "user");
        String password = RequestBodies.text(body, "password");
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        workers.run(() -> identities.openSession(identities.signIn(user, password, address)))
                .onSuccess(s -> {
                    ctx.response().addCookie(sessionCookie(s.cookieValue(), Identities.SESSION_LIFETIME.toSeconds()));
                    responses.ok(ctx, describe(s.who().principal(), s.csrfToken(), s.who().mustChangePassword()));
                })
                .onFailure(ctx::fail);
    }

    private void token(RoutingContext ctx) {
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        String user = RequestBodies.text(body, "user");
        String password = RequestBodies.text(body, "password");
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        workers.run(() -> identities.signIn(user, password, address))
                .onSuccess(who -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("token", bearer.issue(who.principal().id()));
                    out.put("tokenType", "Bearer");
                    out.put("expiresIn", BearerTokens.LIFETIME.toSeconds());
                    out.put("mustChangePassword", who.mustChangePassword());
                    responses.ok(ctx, out);
                })
                .onFailure(ctx::fail);
    }

    private void session(RoutingContext ctx) {
        BrowserSession s = ctx.get(Authenticator.SESSION_KEY);
        Principal p = Principals.of(ctx);
        boolean mustChange = identities.account(p.id()).map(a -> a.mustChangePassword()).orElse(false);
        responses.ok(ctx, describe(p, s == null ? null : s.csrfToken(), mustChange));
    }

    private void logout(RoutingContext ctx) {
        Principal p = Principals.of(ctx);
        Cookie c = ctx.request().getCookie(Authenticator.SESSION_COOKIE);
        workers.run(() -> {
            identities.closeSession(c == null ? null : c.getValue(), p);
            return null;
        }).onSuccess(v -> {
            ctx.response().addCookie(sessionCookie("", 0));
            responses.ok(ctx, Map.of("signedOut", p.id()));
        }).onFailure(ctx::fail);
    }

    private void password(RoutingContext ctx) {
        Principal p = Principals.of(ctx);
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        String current = RequestBodies.text(body, "currentPassword");
        String next = RequestBodies.text(body, "newPassword");
        workers.run(() -> {
            identities.changeOwnPassword(p, current, next);
            return Map.of("changed", true, "note", "every session of yours was signed out; sign in again");
        }).onSuccess(r -> {
            ctx.response().addCookie(sessionCookie("", 0));
            responses.ok(ctx, r);
        }).onFailure(ctx::fail);
    }

    private Cookie sessionCookie(String value, long maxAgeSeconds) {
        return Cookie.cookie(Authenticator.SESSION_COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(secureCookies).setMaxAge(maxAgeSeconds);
    }

    /** What the page and clients need to know about the signed-in principal; the policy decides, this renders. */
    private Map<String, Object> describe(Principal p, String csrf, boolean mustChange) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", p.id());
        out.put("name", p.name());
        out.put("kind", p.kind().name().toLowerCase());
        out.put("roles", new TreeSet<>(p.roles()));
        Set<String> plantLines = plant.lines().stream().map(Line::id).collect(Collectors.toCollection(TreeSet::new));
        out.put("lines", p.allLines() ? plantLines : new TreeSet<>(p.lines()));
        out.put("allLines", p.allLines());
        Map<String, Object> may = new LinkedHashMap<>();
        for (Action a : identities.policy().actionsOf(p)) {
            may.put(a.wireName(), a.lineScoped() ? identities.policy().linesFor(p, a, plantLines) : true);
        }
        out.put("may", may);
        out.put("mustChangePassword", mustChange);
        if (csrf != null) {
            out.put("csrfToken", csrf);
        }
        return out;
    }
}
