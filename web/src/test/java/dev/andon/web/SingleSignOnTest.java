package dev.andon.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Single sign-on against an OpenID Connect provider started here; group claims become Andon roles. */
class SingleSignOnTest {
    @TempDir
    Path dataDir;
    final Vertx vertx = Vertx.vertx();
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    TestOidcIssuer issuer;
    RunningAndon andon;

    @AfterEach
    void stop() {
        if (andon != null) {
            andon.close();
        }
        if (issuer != null) {
            issuer.close();
        }
        vertx.close().await();
    }

    void startBoth() throws Exception {
        issuer = TestOidcIssuer.start(vertx);
        andon = RunningAndon.start(dataDir, Map.of("ANDON_OIDC_ISSUER", issuer.issuer(),
                "ANDON_OIDC_CLIENT_ID", TestOidcIssuer.CLIENT_ID, "ANDON_OIDC_CLIENT_SECRET", TestOidcIssuer.CLIENT_SECRET,
                "ANDON_OIDC_ROLES", "floor-operators=operator,floor-leads=team-leader"));
    }

    /** Follows the redirects a browser would follow and returns Andon's session cookie, or the refusal. */
    HttpResponse<String> signInThroughProvider() throws Exception {
        HttpResponse<String> toProvider = http.send(HttpRequest.newBuilder(URI.create(andon.url("/api/auth/oidc/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(issuer.issuer() + "/authorize").contains("state=", "nonce=");
        HttpResponse<String> back = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        String callback = back.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(andon.url("/api/auth/oidc/callback"));
        return http.send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPlantPersonSignsInAtTheProviderAndGetsTheRolesOfTheirGroups() throws Exception {
        startBoth();
        issuer.nextLogin("anna.rossi", List.of("floor-leads", "canteen-committee"));
        HttpResponse<String> done = signInThroughProvider();
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        String setCookie = done.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(andon.url("/api/auth/session")))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode who = new ObjectMapper().readTree(me.body());
        assertThat(who.get("user").asText()).isEqualTo("anna.rossi");
        assertThat(who.get("roles").toString()).contains("team-leader").doesNotContain("operator");
        assertThat(who.get("lines").toString()).contains("L2");
        assertThat(who.get("may").get("silences:manage").toString()).contains("L2");
    }

    @Test
    void someoneWhoIsNotInThePlantOrHasNoMappedGroupIsRefused() throws Exception {
        startBoth();
        issuer.nextLogin("mallory", List.of("floor-leads"));
        assertThat(signInThroughProvider().statusCode()).isEqualTo(403);
        issuer.nextLogin("anna.rossi", List.of("canteen-committee"));
        HttpResponse<String> unmapped = signInThroughProvider();
        assertThat(unmapped.statusCode()).isEqualTo(403);
        assertThat(unmapped.body()).contains("mapped");
        HttpResponse<String> replayed = http.send(HttpRequest.newBuilder(URI.create(
                andon.url("/api/auth/oidc/callback?code=stolen&state=made-up"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).isEqualTo(401);
    }

    @Test
    void withoutAProviderSingleSignOnIsOff() throws Exception {
        andon = RunningAndon.start(dataDir);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(andon.url("/api/auth/oidc/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("not configured");
    }
}
