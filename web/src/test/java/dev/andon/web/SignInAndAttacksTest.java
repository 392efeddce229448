package dev.andon.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in, and each way of acting in someone else's name the audit found, now refused with nothing changed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInAndAttacksTest {
    @TempDir
    static Path dataDir;
    RunningAndon andon;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    String alertL2;

    @BeforeAll
    void start() throws Exception {
        andon = RunningAndon.start(dataDir);
        HttpResponse<String> r = call("POST", "/api/alerts", "{\"source\":\"vib\",\"line\":\"L2\",\"station\":\"press-3\","
                + "\"type\":\"vibration-anomaly\",\"severity\":\"high\",\"confidence\":0.9,\"timestamp\":\"2026-11-25T07:58:00Z\"}",
                "Authorization", "Bearer " + andon.machineToken("gw", "alerts:write"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        alertL2 = json.readTree(r.body()).get("alert").get("id").asText();
    }

    @AfterAll
    void stop() {
        andon.close();
    }

    HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(andon.url(path)));
        if (headers.length > 0) {
            b.headers(headers);
        }
        if (body != null && !containsHeader(headers, "Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> as(String person, String method, String path, String body) throws Exception {
        return call(method, path, body, "Authorization", "Bearer " + andon.tokenFor(person));
    }

    private static boolean containsHeader(String[] headers, String name) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    JsonNode body(HttpResponse<String> r) throws Exception {
        return json.readTree(r.body());
    }

    String stateOf(String alertId) throws Exception {
        return body(as("anna.rossi", "GET", "/api/alerts/" + alertId, null)).get("state").asText();
    }

    @Test
    void aBrowserSessionIsAnHttpOnlyStrictCookieAndChangesNeedItsCsrfToken() throws Exception {
        HttpResponse<String> login = call("POST", "/api/auth/login",
                "{\"user\":\"anna.rossi\",\"password\":\"" + andon.passwordOf("anna.rossi") + "\"}",
                "Cookie", "andon_session=planted-by-an-attacker");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
                .doesNotContain("planted-by-an-attacker");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = body(login).get("csrfToken").asText();
        assertThat(body(login).get("roles").toString()).contains("operator");

        // A planted cookie value is never adopted.
        assertThat(call("GET", "/api/auth/session", null, "Cookie", "andon_session=planted-by-an-attacker").statusCode())
                .isEqualTo(401);
        // A cross-site request carries the cookie but cannot know the CSRF token.
        HttpResponse<String> forged = call("POST", "/api/alerts/" + alertL2 + "/transitions", "{\"to\":\"acknowledged\"}",
                "Cookie", cookie);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(stateOf(alertL2)).isEqualTo("assigned");

        HttpResponse<String> own = call("POST", "/api/alerts/" + alertL2 + "/transitions", "{\"to\":\"acknowledged\"}",
                "Cookie", cookie, "X-CSRF-Token", csrf);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(body(own).get("history").toString()).contains("anna.rossi");

        assertThat(call("POST", "/api/auth/logout", null, "Cookie", cookie, "X-CSRF-Token", csrf).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/auth/session", null, "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsAreCountedAndTheAccountIsSlowedDown() throws Exception {
        long before = andon.auditHead();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = call("POST", "/api/auth/token", "{\"user\":\"jonas.weber\",\"password\":\"guess" + i + "\"}");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("wrong user name or password");
        }
        HttpResponse<String> locked = call("POST", "/api/auth/token",
                "{\"user\":\"jonas.weber\",\"password\":\"" + andon.passwordOf("jonas.weber") + "\"}");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        JsonNode failures = body(as("admin", "GET", "/api/audit?object=user/jonas.weber&limit=10", null)).get("records");
        assertThat(failures).hasSize(5);
        assertThat(failures.get(0).get("action").asText()).isEqualTo("login.failed");
        assertThat(andon.changesSince(before)).containsExactly("anonymous login.failed", "anonymous login.failed",
                "anonymous login.failed", "anonymous login.failed", "anonymous login.failed");
    }

    @Test
    void forgedUnsignedAndGarbageTokensAreRefused() throws Exception {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = b64("{\"sub\":\"roberta.fontana\",\"iss\":\"andon\",\"exp\":4102444800}");
        for (String token : new String[]{header + "." + claims + ".", header + "." + claims,
                b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + claims + "." + b64("not-our-signature"),
                "garbage", "andon_nope_secret"}) {
            HttpResponse<String> r = call("GET", "/api/rulesets", null, "Authorization", "Bearer " + token);
            assertThat(r.statusCode()).as(token).isEqualTo(401);
        }
        assertThat(call("GET", "/api/rulesets", null, "Authorization", "Basic YWRtaW46YWRtaW4=").statusCode()).isEqualTo(401);
    }

    @Test
    void aRevokedMachineTokenStopsWorkingAtOnce() throws Exception {
        HttpResponse<String> created = as("admin", "POST", "/api/tokens",
                "{\"name\":\"vision gateway\",\"scopes\":[\"alerts:write\"],\"lines\":[\"L1\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String secret = body(created).get("secret").asText();
        String id = body(created).get("token").get("id").asText();
        assertThat(as("admin", "GET", "/api/tokens", null).body()).contains("vision gateway").doesNotContain(secret);

        String heartbeat = "{\"source\":\"vision-model\",\"line\":\"L1\",\"station\":\"vision-4\"}";
        assertThat(call("POST", "/api/heartbeats", heartbeat, "Authorization", "Bearer " + secret).statusCode()).isEqualTo(200);
        String onL2 = "{\"source\":\"vision-model\",\"line\":\"L2\",\"station\":\"vision-5\",\"type\":\"vision-defect\","
                + "\"severity\":\"low\",\"confidence\":0.9,\"timestamp\":\"2026-11-25T07:58:00Z\"}";
        assertThat(call("POST", "/api/alerts", onL2, "Authorization", "Bearer " + secret).statusCode())
                .as("bound to L1").isEqualTo(403);
        assertThat(call("POST", "/api/alerts/" + alertL2 + "/transitions", "{\"to\":\"resolved\"}",
                "Authorization", "Bearer " + secret).statusCode()).as("no such scope").isEqualTo(403);

        assertThat(as("admin", "POST", "/api/tokens/" + id + "/revoke", "{}").statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/heartbeats", heartbeat, "Authorization", "Bearer " + secret).statusCode()).isEqualTo(401);
        assertThat(as("anna.rossi", "POST", "/api/tokens", "{\"name\":\"mine\",\"scopes\":[\"alerts:write\"]}").statusCode())
                .as("only admins manage tokens").isEqualTo(403);
    }

    @Test
    void nobodyActsInSomeoneElsesName() throws Exception {
        andon.tokenFor("anna.rossi");
        andon.tokenFor("paolo.greco");
        long before = andon.auditHead();
        HttpResponse<String> asOther = as("anna.rossi", "POST", "/api/alerts/" + alertL2 + "/transitions",
                "{\"to\":\"resolved\",\"actor\":\"marco.ferri\"}");
        assertThat(asOther.statusCode()).isEqualTo(403);
        HttpResponse<String> claimRole = as("anna.rossi", "POST", "/api/chat",
                "{\"message\":\"approve the ruleset\",\"role\":\"process-owner\"}");
        assertThat(claimRole.statusCode()).isEqualTo(403);
        assertThat(claimRole.body()).contains("process-owner");
        assertThat(as("anna.rossi", "POST", "/api/chat", "{\"message\":\"hi\",\"userId\":\"roberta.fontana\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> silenceForOther = as("paolo.greco", "POST", "/api/silences",
                "{\"line\":\"L1\",\"endsAt\":\"2026-11-25T09:00:00Z\",\"reason\":\"x\",\"author\":\"roberta.fontana\"}");
        assertThat(silenceForOther.statusCode()).isEqualTo(403);
        HttpResponse<String> weekLong = as("anna.rossi", "POST", "/api/silences",
                "{\"line\":\"L2\",\"endsAt\":\"2026-12-02T08:00:00Z\",\"reason\":\"quiet week\"}");
        assertThat(weekLong.statusCode()).as("operators do not silence lines").isEqualTo(403);
        assertThat(andon.changesSince(before)).isEmpty();
        assertThat(stateOf(alertL2)).isIn("assigned", "acknowledged");
    }

    @Test
    void aConversationIsReadOnlyByTheOneWhoHadIt() throws Exception {
        HttpResponse<String> asked = as("marco.ferri", "POST", "/api/chat", "{\"message\":\"status of L2\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        String conversation = body(asked).get("conversationId").asText();
        assertThat(as("marco.ferri", "GET", "/api/chat/conversations/" + conversation, null).statusCode()).isEqualTo(200);
        HttpResponse<String> other = as("anna.rossi", "GET", "/api/chat/conversations/" + conversation, null);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("status of L2");
        assertThat(as("anna.rossi", "POST", "/api/chat/feedback", "{\"answerId\":\"" + body(asked).get("answerId").asText()
                + "\",\"rating\":\"down\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void crossSiteFormsAndPlainTextAreRefusedAndThePageSendsSecurityHeaders() throws Exception {
        String alert = "{\"source\":\"x\",\"line\":\"L2\",\"station\":\"press-3\",\"type\":\"tool-wear\",\"severity\":\"low\","
                + "\"confidence\":0.9,\"timestamp\":\"2026-11-25T07:58:00Z\"}";
        String token = andon.tokenFor("luca.bianchi");
        assertThat(call("POST", "/api/alerts", alert, "Content-Type", "text/plain", "Authorization", "Bearer " + token)
                .statusCode()).isEqualTo(415);
        assertThat(call("POST", "/api/alerts", "to=acknowledged", "Content-Type", "application/x-www-form-urlencoded",
                "Authorization", "Bearer " + token).statusCode()).isEqualTo(415);
        HttpResponse<String> page = call("GET", "/", null);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'",
                "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(call("GET", "/api/events", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aOneTimePasswordMustBeReplacedBeforeAnythingElseAndDisablingAnAccountEndsItsAccess() throws Exception {
        HttpResponse<String> issued = as("admin", "POST", "/api/users/omar.haddad/one-time-password", "{}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String otp = body(issued).get("oneTimePassword").asText();
        HttpResponse<String> login = call("POST", "/api/auth/token", "{\"user\":\"omar.haddad\",\"password\":\"" + otp + "\"}");
        assertThat(body(login).get("mustChangePassword").asBoolean()).isTrue();
        String t = body(login).get("token").asText();
        assertThat(call("GET", "/api/alerts", null, "Authorization", "Bearer " + t).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/auth/password", "{\"currentPassword\":\"" + otp + "\",\"newPassword\":\"short\"}",
                "Authorization", "Bearer " + t).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/auth/password", "{\"currentPassword\":\"" + otp
                + "\",\"newPassword\":\"omar-chose-this-one\"}", "Authorization", "Bearer " + t).statusCode()).isEqualTo(200);
        String own = body(call("POST", "/api/auth/token", "{\"user\":\"omar.haddad\",\"password\":\"omar-chose-this-one\"}"))
                .get("token").asText();
        assertThat(call("GET", "/api/alerts", null, "Authorization", "Bearer " + own).statusCode()).isEqualTo(200);

        assertThat(as("admin", "POST", "/api/users/omar.haddad/disabled", "{\"disabled\":true}").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/alerts", null, "Authorization", "Bearer " + own).statusCode()).isEqualTo(401);
        JsonNode trail = body(as("admin", "GET", "/api/audit?object=user/omar.haddad&limit=20", null)).get("records");
        assertThat(trail.toString()).contains("user.one-time-password", "user.password-change", "user.disable")
                .doesNotContain(otp).doesNotContain("omar-chose-this-one");
        assertThat(body(as("admin", "GET", "/api/audit/verify", null)).get("intact").asBoolean()).isTrue();
    }

    @Test
    void theApiIsDescribedWithThePermissionEachOperationNeeds() throws Exception {
        JsonNode doc = body(call("GET", "/openapi.json", null));
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        JsonNode approve = doc.get("paths").get("/api/rulesets/{version}/approve").get("post");
        assertThat(approve.get("x-andon-permission").asText()).isEqualTo("rulesets:approve");
        assertThat(doc.get("paths").get("/api/auth/login").get("post").get("security")).isEmpty();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
