package dev.andon.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.connectors.webhook.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connectors through the real application: a real Prometheus Alertmanager posting to Andon, the generic webhook with
 * its signature and per-caller source, dead letters, health, and who may switch connectors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectorsApiTest {
    static final String SECRET = "a-webhook-secret-of-32-characters";
    final ObjectMapper json = new ObjectMapper();
    @TempDir
    static Path dir;
    RunningAndon andon;
    String luca;

    @BeforeAll
    void start() throws Exception {
        Path config = dir.resolve("connectors.yaml");
        Files.writeString(config, """
                sources:
                  - name: alertmanager
                    kind: alertmanager
                    labels: { type: andon_type }
                  - name: vision
                    kind: webhook
                    bindings: { luca.bianchi: vision-model }
                    hmacSecretEnv: TEST_WEBHOOK_SECRET
                """);
        andon = RunningAndon.start(dir.resolve("data"), Map.of("ANDON_CONNECTORS_FILE", config.toString(),
                "TEST_WEBHOOK_SECRET", SECRET));
        luca = andon.tokenFor("luca.bianchi");
    }

    @AfterAll
    void stop() {
        andon.close();
    }

    JsonNode body(HttpResponse<String> r) throws Exception {
        return json.readTree(r.body());
    }

    JsonNode alert(String id) throws Exception {
        return body(Http.get(andon.url("/api/alerts/" + id), luca));
    }

    @Test
    void alertsPostedToARealAlertmanagerArriveAsDecisionsAndResolvedOnesClose() throws Exception {
        // Alertmanager posts with a machine token that may raise alerts, as a model gateway would.
        String token = andon.machineToken("alertmanager", "alerts:write");
        try (Alertmanager am = Alertmanager.start(dir.resolve("am"), andon.url("/api/connectors/alertmanager"), token)) {
            String startsAt = RunningAndon.NINE_AM_ROME.minusSeconds(60).toString();
            String firing = """
                    [{"labels": {"alertname": "PressVibrationHigh", "line": "L2", "station": "press-3",
                                 "andon_type": "vibration-anomaly", "severity": "warning", "confidence": "0.82"},
                      "annotations": {"summary": "RMS vibration 11.4 mm/s"},
                      "startsAt": "%s", "generatorURL": "http://prometheus.example/graph"}]""".formatted(startsAt);
            assertThat(Http.post(am.url("/api/v2/alerts"), null, firing).statusCode()).isEqualTo(200);

            JsonNode stored = await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode list = body(Http.get(andon.url("/api/alerts?line=L2&station=press-3"), luca));
                for (JsonNode a : list.path("alerts")) {
                    if ("alertmanager".equals(a.path("alert").path("source").asText())) {
                        return a;
                    }
                }
                return null;
            }, a -> a != null);
            String id = stored.path("alert").path("id").asText();
            JsonNode full = alert(id);
            assertThat(full.path("alert").path("type").asText()).isEqualTo("vibration-anomaly");
            assertThat(full.path("alert").path("severity").asText()).isEqualTo("medium");
            assertThat(full.path("alert").path("confidence").asDouble()).isEqualTo(0.82);
            assertThat(full.path("alert").path("payload").path("labels").path("alertname").asText())
                    .isEqualTo("PressVibrationHigh");
            assertThat(full.path("decision").path("assignee").path("person").asText()).isNotBlank();
            assertThat(full.path("decision").path("steps").size()).isPositive();

            String resolved = firing.replace("\"generatorURL\"", "\"endsAt\": \"" + Instant.now().minusSeconds(1)
                    + "\", \"generatorURL\"");
            assertThat(Http.post(am.url("/api/v2/alerts"), null, resolved).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(alert(id).path("state").asText()).isIn("resolved", "expired"));
            JsonNode last = alert(id).path("history");
            assertThat(last.get(last.size() - 1).path("note").asText()).startsWith("resolved in Alertmanager")
                    .contains("posted by token:");
            assertThat(last.get(last.size() - 1).path("actor").asText()).isEqualTo("system:connector:alertmanager");
        }
    }

    @Test
    void anUnusableAlertIsRefusedOnItsOwnAndKeptAsADeadLetter() throws Exception {
        String batch = """
                {"version": "4", "status": "firing", "alerts": [
                  {"status": "firing", "labels": {"line": "L9", "station": "press-3", "andon_type": "vibration-anomaly",
                   "severity": "critical"}, "startsAt": "%s"},
                  {"status": "firing", "labels": {"line": "L2", "station": "vision-5", "andon_type": "vision-defect",
                   "severity": "high", "confidence": "0.7"}, "startsAt": "%s"}]}"""
                .formatted(RunningAndon.NINE_AM_ROME, RunningAndon.NINE_AM_ROME);
        HttpResponse<String> r = Http.post(andon.url("/api/connectors/alertmanager"), luca, batch);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode report = body(r);
        assertThat(report.path("accepted")).hasSize(1);
        assertThat(report.path("rejected").get(0).path("index").asInt()).isZero();

        HttpResponse<String> malformed = Http.post(andon.url("/api/connectors/alertmanager"), luca, "{\"version\": \"4\", ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        HttpResponse<String> oldVersion = Http.post(andon.url("/api/connectors/alertmanager"), luca,
                "{\"version\": \"3\", \"alerts\": []}");
        assertThat(oldVersion.statusCode()).isEqualTo(400);
        assertThat(body(oldVersion).path("problems").get(0).path("field").asText()).isEqualTo("version");
    }

    @Test
    void theGenericWebhookNeedsTheSignatureAndSendsAsTheCallersSource() throws Exception {
        WebhookSignature sig = new WebhookSignature(SECRET.getBytes(StandardCharsets.UTF_8));
        byte[] doc = ("{\"line\":\"L2\",\"station\":\"vision-5\",\"type\":\"vision-defect\",\"severity\":\"medium\","
                + "\"confidence\":0.64,\"timestamp\":\"" + RunningAndon.NINE_AM_ROME + "\"}").getBytes(StandardCharsets.UTF_8);
        String url = andon.url("/api/connectors/webhooks/vision");

        HttpResponse<String> ok = Http.post(url, luca, doc, Map.of(WebhookSignature.HEADER, sig.sign(doc)));
        assertThat(ok.statusCode()).isEqualTo(202);
        String id = body(ok).path("accepted").get(0).path("alertId").asText();
        assertThat(alert(id).path("alert").path("source").asText()).isEqualTo("vision-model");

        assertThat(Http.post(url, luca, doc, Map.of()).statusCode()).isEqualTo(401);
        assertThat(Http.post(url, luca, doc, Map.of(WebhookSignature.HEADER, "sha256=00")).statusCode()).isEqualTo(401);
        byte[] tampered = new String(doc, StandardCharsets.UTF_8).replace("0.64", "0.99").getBytes(StandardCharsets.UTF_8);
        assertThat(Http.post(url, luca, tampered, Map.of(WebhookSignature.HEADER, sig.sign(doc))).statusCode()).isEqualTo(401);

        byte[] other = new String(doc, StandardCharsets.UTF_8).replace("{", "{\"source\":\"vibration-model\",")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> claimed = Http.post(url, luca, other, Map.of(WebhookSignature.HEADER, sig.sign(other)));
        assertThat(claimed.statusCode()).isEqualTo(400);
        assertThat(claimed.body()).contains("sends as 'vision-model'");

        String anna = andon.tokenFor("anna.rossi");
        assertThat(Http.post(url, anna, doc, Map.of(WebhookSignature.HEADER, sig.sign(doc))).statusCode()).isEqualTo(403);
        assertThat(Http.post(url, null, doc, Map.of(WebhookSignature.HEADER, sig.sign(doc))).statusCode()).isEqualTo(401);
    }

    @Test
    void connectorsShowInHealthAndOnlyAdministratorsSwitchThem() throws Exception {
        JsonNode health = body(Http.get(andon.url("/health"), null));
        assertThat(health.path("parts").path("connectors").path("detail").path("connectors"))
                .extracting(c -> c.path("name").asText()).contains("alertmanager", "vision");

        HttpResponse<String> r = Http.post(andon.url("/api/connectors/vision/disable"), andon.tokenFor("anna.rossi"), "");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("connectors:manage");
        assertThat(Http.get(andon.url("/api/connectors/dead-letters"), luca).statusCode()).isEqualTo(403);
        assertThat(body(Http.get(andon.url("/api/connectors/vision"), luca)).path("enabled").asBoolean()).isTrue();
        assertThat(Http.get(andon.url("/api/connectors/nope"), luca).statusCode()).isEqualTo(404);

        String admin = andon.tokenFor("admin");
        HttpResponse<String> off = Http.post(andon.url("/api/connectors/alertmanager/disable"), admin, "");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(body(off).path("enabled").asBoolean()).isFalse();
        String empty = "{\"version\": \"4\", \"alerts\": []}";
        assertThat(Http.post(andon.url("/api/connectors/alertmanager"), luca, empty).statusCode()).isEqualTo(409);
        assertThat(Http.post(andon.url("/api/connectors/alertmanager/enable"), admin, "").statusCode()).isEqualTo(200);
        assertThat(Http.post(andon.url("/api/connectors/alertmanager"), luca, empty).statusCode()).isEqualTo(200);

        // The malformed Alertmanager body of another test, among others, is kept for the administrator to see.
        Http.post(andon.url("/api/connectors/alertmanager"), luca, "{\"version\": \"4\", ");
        JsonNode letters = body(Http.get(andon.url("/api/connectors/dead-letters?connector=alertmanager"), admin));
        assertThat(letters).anySatisfy(l -> {
            assertThat(l.path("reason").asText()).contains("malformed JSON");
            assertThat(l.path("raw").asText()).isEqualTo("{\"version\": \"4\", ");
            assertThat(l.path("direction").asText()).isEqualTo("in");
        });
    }
}
