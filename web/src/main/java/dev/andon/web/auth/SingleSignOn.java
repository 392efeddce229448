package dev.andon.web.auth;

import dev.andon.core.config.AndonSettings;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.UnauthenticatedException;
import dev.andon.core.signin.Identities;
import dev.andon.web.http.EngineWorkers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Optional single sign-on with any OpenID Connect provider (authorization code flow, discovered from the issuer):
 * the provider's user claim names the plant person, its group claim gives the roles through the configured map.
 * Ends in the same browser session (cookie + CSRF token) as a password sign-in.
 */
public final class SingleSignOn {
    private static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_PENDING = 10_000;

    /** The {@code oidc*} settings; empty issuer = single sign-on off. */
    public record Settings(String issuer, String clientId, String clientSecret, String redirectUri, String userClaim,
                           String groupsClaim, Map<String, String> groupRoles) {
        public static Settings from(AndonSettings s, Map<String, String> env) {
            Map<String, String> map = new LinkedHashMap<>();
            for (String pair : s.get("oidcRoles", "").split(",")) {
                String[] kv = pair.trim().split("=", 2);
                if (kv.length == 2 && !kv[0].isBlank() && !kv[1].isBlank()) {
                    map.put(kv[0].trim(), kv[1].trim());
                }
            }
            return new Settings(s.get("oidcIssuer", ""), s.get("oidcClientId", ""),
                    env.getOrDefault("ANDON_OIDC_CLIENT_SECRET", ""), s.get("oidcRedirectUri", ""),
                    s.get("oidcUserClaim", "preferred_username"), s.get("oidcGroupsClaim", "groups"), map);
        }

        public boolean enabled() {
            return !issuer.isBlank();
        }
    }

    private record Pending(String nonce, Instant at) {
    }

    private final Settings settings;
    private final OAuth2Auth provider;
    private final Identities identities;
    private final EngineWorkers workers;
    private final boolean secureCookies;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private SingleSignOn(Settings settings, OAuth2Auth provider, Identities identities, EngineWorkers workers,
                         boolean secureCookies) {
        this.settings = settings;
        this.provider = provider;
        this.identities = identities;
        this.workers = workers;
        this.secureCookies = secureCookies;
    }

    /** Discovers the provider (its endpoints and signing keys); a plant without single sign-on gets a null future value. */
    public static Future<SingleSignOn> start(Vertx vertx, Settings settings, Identities identities,
                                             EngineWorkers workers, boolean secureCookies) {
        if (!settings.enabled()) {
            return Future.succeededFuture(null);
        }
        OAuth2Options options = new OAuth2Options().setSite(settings.issuer()).setClientId(settings.clientId())
                .setClientSecret(settings.clientSecret().isBlank() ? null : settings.clientSecret());
        return OpenIDConnectAuth.discover(vertx, options)
                .map(p -> new SingleSignOn(settings, p, identities, workers, secureCookies));
    }

    /** Mounts the two steps; without a provider they answer 404 saying single sign-on is off. */
    public static void mount(Router router, SingleSignOn sso) {
        router.get("/api/auth/oidc/login").handler(ctx -> {
            if (sso == null) {
                throw new NotFoundException("single sign-on", "not configured (set ANDON_OIDC_ISSUER)");
            }
            sso.login(ctx);
        });
        router.get("/api/auth/oidc/callback").handler(ctx -> {
            if (sso == null) {
                throw new NotFoundException("single sign-on", "not configured (set ANDON_OIDC_ISSUER)");
            }
            sso.callback(ctx);
        });
    }

    private void login(RoutingContext ctx) {
        Instant now = Instant.now();
        pending.values().removeIf(p -> p.at().plus(STATE_LIFETIME).isBefore(now));
        if (pending.size() >= MAX_PENDING) {
            pending.clear();
        }
        String state = token();
        String nonce = token();
        pending.put(state, new Pending(nonce, now));
        OAuth2AuthorizationURL url = new OAuth2AuthorizationURL().setRedirectUri(redirectUri(ctx))
                .setScopes(List.of("openid", "profile", "email")).setState(state);
        url.getAdditionalParameters().put("nonce", nonce);
        ctx.response().setStatusCode(302).putHeader("Location", provider.authorizeURL(url)).end();
    }

    private void callback(RoutingContext ctx) {
        String state = ctx.queryParams().get("state");
        String code = ctx.queryParams().get("code");
        Pending p = state == null ? null : pending.remove(state);
        if (p == null || p.at().plus(STATE_LIFETIME).isBefore(Instant.now())) {
            throw new UnauthenticatedException("unknown or expired sign-in attempt; start again at /api/auth/oidc/login");
        }
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("code", "the provider sent no authorization code ("
                    + String.valueOf(ctx.queryParams().get("error")) + ")");
        }
        provider.authenticate(new Oauth2Credentials().setFlow(io.vertx.ext.auth.oauth2.OAuth2FlowType.AUTH_CODE).setCode(code).setRedirectUri(redirectUri(ctx)))
                .compose(user -> {
                    JsonObject claims = user.attributes().getJsonObject("idToken", new JsonObject());
                    if (claims.containsKey("nonce") && !p.nonce().equals(claims.getString("nonce"))) {
                        return Future.failedFuture(new UnauthenticatedException("the identity token was not issued for this sign-in"));
                    }
                    String person = claims.getString(settings.userClaim());
                    Set<String> roles = roles(claims.getValue(settings.groupsClaim()));
                    return workers.run(() -> identities.openSession(identities.signInExternally(person, roles, settings.issuer())));
                })
                .onSuccess(s -> {
                    ctx.response().addCookie(Cookie.cookie(Authenticator.SESSION_COOKIE, s.cookieValue()).setPath("/")
                            .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(secureCookies)
                            .setMaxAge(Identities.SESSION_LIFETIME.toSeconds()));
                    ctx.response().setStatusCode(302).putHeader("Location", "/").end();
                })
                .onFailure(e -> ctx.fail(e instanceof RuntimeException && e.getClass().getPackageName().startsWith("dev.andon")
                        ? e : new UnauthenticatedException("single sign-on failed: " + e.getMessage())));
    }

    /** The configured callback address, or this server's own as the browser reached it. */
    private String redirectUri(RoutingContext ctx) {
        if (!settings.redirectUri().isBlank()) {
            return settings.redirectUri();
        }
        return ctx.request().scheme() + "://" + ctx.request().authority() + "/api/auth/oidc/callback";
    }

    private Set<String> roles(Object groups) {
        Set<String> out = new TreeSet<>();
        if (groups instanceof JsonArray a) {
            a.forEach(g -> {
                String role = settings.groupRoles().get(String.valueOf(g));
                if (role != null) {
                    out.add(role);
                }
            });
        }
        return out;
    }

    private String token() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
