package dev.andon.web.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokensTest {
    static final String KEY = "a-key-of-the-store-0123456789-0123456789-abcdef";
    final Vertx vertx = Vertx.vertx();
    final BearerTokens tokens = new BearerTokens(vertx, KEY);

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private JWTAuth signer(String key) {
        return JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(key)));
    }

    @Test
    void aTokenWeIssuedNamesItsUser() {
        assertThat(tokens.userOf(tokens.issue("anna.rossi")).await()).isEqualTo("anna.rossi");
    }

    @Test
    void anExpiredTokenIsRefusedEvenWithOurSignature() {
        long anHourAgo = System.currentTimeMillis() / 1000 - 3600;
        String expired = signer(KEY).generateToken(new JsonObject().put("sub", "anna.rossi").put("iss", "andon")
                .put("exp", anHourAgo).put("iat", anHourAgo - 3600), new JWTOptions().setAlgorithm("HS256"));
        assertThatThrownBy(() -> tokens.userOf(expired).await()).isInstanceOf(Exception.class);
    }

    @Test
    void aTokenSignedWithAnotherKeyOrByAnotherIssuerIsRefused() {
        String forged = signer("someone-elses-key-0123456789-0123456789-xyz").generateToken(
                new JsonObject().put("sub", "roberta.fontana"), new JWTOptions().setAlgorithm("HS256").setIssuer("andon"));
        assertThatThrownBy(() -> tokens.userOf(forged).await()).isInstanceOf(Exception.class);
        String otherIssuer = signer(KEY).generateToken(new JsonObject().put("sub", "roberta.fontana"),
                new JWTOptions().setAlgorithm("HS256").setIssuer("not-andon").setExpiresInSeconds(60));
        assertThatThrownBy(() -> tokens.userOf(otherIssuer).await()).isInstanceOf(Exception.class);
    }
}
