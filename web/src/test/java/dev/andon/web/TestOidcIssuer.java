package dev.andon.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small OpenID Connect provider for tests: discovery, JWKS (an RSA key made here), an authorize step that signs in
 * whoever the test chose, and a token endpoint that returns RS256-signed tokens — what a real provider speaks.
 */
final class TestOidcIssuer implements AutoCloseable {
    static final String CLIENT_ID = "andon-test";
    static final String CLIENT_SECRET = "test-client-secret";
    private final HttpServer server;
    private final KeyPair keys;
    private final Map<String, JsonObject> codes = new ConcurrentHashMap<>();
    private volatile String nextUser;
    private volatile List<String> nextGroups = List.of();

    private TestOidcIssuer(HttpServer server, KeyPair keys) {
        this.server = server;
        this.keys = keys;
    }

    static TestOidcIssuer start(Vertx vertx) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair keys = gen.generateKeyPair();
        Router router = Router.router(vertx);
        TestOidcIssuer[] self = new TestOidcIssuer[1];
        router.get("/.well-known/openid-configuration").handler(ctx -> ctx.json(new JsonObject()
                .put("issuer", self[0].issuer())
                .put("authorization_endpoint", self[0].issuer() + "/authorize")
                .put("token_endpoint", self[0].issuer() + "/token")
                .put("jwks_uri", self[0].issuer() + "/jwks")
                .put("response_types_supported", new JsonArray().add("code"))
                .put("subject_types_supported", new JsonArray().add("public"))
                .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))));
        router.get("/jwks").handler(ctx -> {
            RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
            ctx.json(new JsonObject().put("keys", new JsonArray().add(new JsonObject().put("kty", "RSA")
                    .put("kid", "k1").put("alg", "RS256").put("use", "sig")
                    .put("n", b64(unsigned(pub.getModulus()))).put("e", b64(unsigned(pub.getPublicExponent()))))));
        });
        router.get("/authorize").handler(ctx -> {
            String code = "code-" + System.nanoTime();
            self[0].codes.put(code, new JsonObject().put("nonce", ctx.queryParams().get("nonce"))
                    .put("user", self[0].nextUser).put("groups", new JsonArray(self[0].nextGroups))
                    .put("client", ctx.queryParams().get("client_id")));
            ctx.response().setStatusCode(302).putHeader("Location", ctx.queryParams().get("redirect_uri")
                    + "?code=" + code + "&state=" + ctx.queryParams().get("state")).end();
        });
        router.post("/token").handler(BodyHandler.create()).handler(ctx -> {
            JsonObject grant = self[0].codes.remove(String.valueOf(ctx.request().getFormAttribute("code")));
            if (grant == null) {
                ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                        .end("{\"error\":\"invalid_grant\"}");
                return;
            }
            long now = System.currentTimeMillis() / 1000;
            JsonObject claims = new JsonObject().put("iss", self[0].issuer()).put("sub", "sub-" + grant.getString("user"))
                    .put("aud", CLIENT_ID).put("azp", CLIENT_ID).put("iat", now).put("exp", now + 300)
                    .put("preferred_username", grant.getString("user")).put("groups", grant.getJsonArray("groups"));
            if (grant.getString("nonce") != null) {
                claims.put("nonce", grant.getString("nonce"));
            }
            String idToken = self[0].sign(claims);
            ctx.json(new JsonObject().put("access_token", self[0].sign(claims.copy().remove("nonce") == null ? claims : claims))
                    .put("id_token", idToken).put("token_type", "Bearer").put("expires_in", 300));
        });
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "localhost").await();
        self[0] = new TestOidcIssuer(server, keys);
        return self[0];
    }

    String issuer() {
        return "http://localhost:" + server.actualPort();
    }

    /** Who signs in at the provider next, and the groups the provider says they are in. */
    void nextLogin(String user, List<String> groups) {
        this.nextUser = user;
        this.nextGroups = groups;
    }

    private String sign(JsonObject claims) {
        try {
            String header = b64(new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", "k1").encode()
                    .getBytes(StandardCharsets.UTF_8));
            String body = b64(claims.encode().getBytes(StandardCharsets.UTF_8));
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initSign(keys.getPrivate());
            sig.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + b64(sig.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public void close() {
        server.close().await();
    }
}
