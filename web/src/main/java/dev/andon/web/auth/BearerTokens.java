package dev.andon.web.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.time.Duration;

/**
 * Bearer tokens for API clients: short-lived JWTs (HS256, key from the store) naming the user; who the user is and
 * what they may do is looked up again on every request, so a disabled account stops working at once.
 */
public final class BearerTokens {
    public static final Duration LIFETIME = Duration.ofHours(1);
    private static final String ISSUER = "andon";
    private final JWTAuth jwt;

    public BearerTokens(Vertx vertx, String key) {
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(key))
                .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setLeeway(5)));
    }

    public String issue(String userId) {
        return jwt.generateToken(new JsonObject().put("sub", userId),
                new JWTOptions().setAlgorithm("HS256").setIssuer(ISSUER)
                        .setExpiresInSeconds((int) LIFETIME.toSeconds()));
    }

    /** The user id of a valid, unexpired token signed with our key; fails otherwise (forged, expired, alg none…). */
    public Future<String> userOf(String token) {
        return jwt.authenticate(new TokenCredentials(token)).map(user -> {
            String sub = user.principal().getString("sub");
            if (sub == null || sub.isBlank()) {
                throw new IllegalArgumentException("token names no user");
            }
            return sub;
        });
    }
}
