package dev.andon.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks the slice over real HTTP: alert → runbook decision → cited answer → line status → restart. */
@ExtendWith(VertxExtension.class)
class AlertToAnswerEndToEndTest {
    @TempDir
    Path dataDir;
    RunningAndon andon;
    WebClient http;
    WebClient gateway;

    @BeforeEach
    void start(Vertx vertx) {
        andon = RunningAndon.start(dataDir);
        http = andon.client(vertx, "anna.rossi");
        gateway = andon.gatewayClient(vertx);
    }

    @AfterEach
    void stop() {
        http.close();
        if (andon != null) {
            andon.close();
        }
    }

    static JsonObject vibrationAlert() {
        return new JsonObject()
                .put("source", "vibration-model").put("modelVersion", "2.3.1")
                .put("line", "L2").put("station", "press-3").put("type", "vibration-anomaly")
                .put("severity", "high").put("confidence", 0.82)
                .put("timestamp", "2026-11-25T07:59:00Z")
                .put("payload", new JsonObject().put("rms_mm_s", 11.4));
    }

    HttpResponse<Buffer> raise(JsonObject alert) {
        return gateway.postAbs(andon.url("/api/alerts")).sendJsonObject(alert).await();
    }

    HttpResponse<Buffer> post(String path, JsonObject body) {
        return http.postAbs(andon.url(path)).sendJsonObject(body).await();
    }

    HttpResponse<Buffer> get(String path) {
        return http.getAbs(andon.url(path)).send().await();
    }

    @Test
    void alertBecomesAnOwnedCitedDecisionThatSurvivesARestart() {
        HttpResponse<Buffer> posted = raise(vibrationAlert());
        assertThat(posted.statusCode()).as(posted.bodyAsString()).isEqualTo(202);
        // the 202 is a receipt: id, state, the decision's owner and deadlines, and the link to the whole record
        JsonObject receipt = posted.bodyAsJsonObject();
        String id = receipt.getString("id");
        assertThat(receipt.getJsonObject("alert").getString("id")).isEqualTo(id);
        assertThat(posted.getHeader("Location")).isEqualTo("/api/alerts/" + id);
        assertThat(receipt.getString("link")).isEqualTo("/api/alerts/" + id);
        assertThat(receipt.getString("state")).isEqualTo("assigned");
        assertThat(receipt.getJsonObject("decision").containsKey("steps")).isFalse();
        JsonObject record = get(receipt.getString("link")).bodyAsJsonObject();

        JsonObject decision = record.getJsonObject("decision");
        assertThat(receipt.getJsonObject("decision").getJsonObject("assignee")).isEqualTo(decision.getJsonObject("assignee"));
        assertThat(receipt.getJsonObject("decision").getString("rulesetVersion")).isEqualTo(decision.getString("rulesetVersion"));
        assertThat(record.getString("state")).isEqualTo("assigned");
        assertThat(decision.getString("ownerRole")).isNotBlank();
        JsonObject assignee = decision.getJsonObject("assignee");
        // 09:00 in Rome is the early shift: the owner is someone rostered on L2 now.
        assertThat(assignee.getString("person")).isIn("anna.rossi", "marco.ferri", "luca.bianchi", "giulia.conti");
        assertThat(assignee.getString("via")).isEqualTo("on-shift");
        JsonArray steps = decision.getJsonArray("steps");
        assertThat(steps).isNotEmpty();
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.getJsonObject(i).getInteger("order")).isEqualTo(i + 1);
            assertThat(steps.getJsonObject(i).getJsonObject("source").getString("documentId")).isNotBlank();
        }
        assertThat(decision.getString("acknowledgeBy")).isNotBlank();
        assertThat(decision.getString("resolveBy")).isNotBlank();
        assertThat(decision.getJsonArray("firedRules")).isNotEmpty();
        assertThat(decision.getString("rulesetVersion")).isNotBlank();

        JsonObject fetched = get("/api/alerts/" + id).bodyAsJsonObject();
        assertThat(fetched.getJsonObject("decision")).isEqualTo(decision);

        JsonObject listed = get("/api/alerts?line=L2&state=open").bodyAsJsonObject();
        assertThat(listed.getJsonArray("alerts").stream().map(a -> ((JsonObject) a).getJsonObject("alert").getString("id")))
                .contains(id);
        assertThat(get("/api/alerts?line=L1").bodyAsJsonObject().getJsonArray("alerts")).isEmpty();

        // The chat answers from the decision, citing the same SOP section the first step points at.
        JsonObject firstStepSource = steps.getJsonObject(0).getJsonObject("source");
        HttpResponse<Buffer> chat = post("/api/chat", new JsonObject()
                .put("message", "what do I do about alert " + id + "?")
                .put("userId", "anna.rossi").put("role", "operator").put("line", "L2"));
        assertThat(chat.statusCode()).as(chat.bodyAsString()).isEqualTo(200);
        JsonObject answer = chat.bodyAsJsonObject();
        assertThat(answer.getString("text")).contains(assignee.getString("name"));
        List<String> cited = answer.getJsonArray("citations").stream()
                .map(c -> ((JsonObject) c).getString("documentId") + "#" + ((JsonObject) c).getString("section"))
                .toList();
        assertThat(cited).contains(firstStepSource.getString("documentId") + "#" + firstStepSource.getString("section"));
        assertThat(answer.getJsonArray("citations").getJsonObject(0).getString("version")).isNotBlank();

        JsonObject search = get("/api/knowledge/search?q=isolate%20hydraulic%20energy%20press").bodyAsJsonObject();
        JsonObject top = search.getJsonArray("hits").getJsonObject(0);
        assertThat(top.getString("documentId")).isEqualTo("LOTO-PRESS-01");
        assertThat(top.getString("section")).isEqualTo("4.2");
        assertThat(top.getString("title")).isNotBlank();
        assertThat(top.getString("version")).isNotBlank();

        JsonObject status = get("/api/lines/L2/status").bodyAsJsonObject();
        JsonObject press = status.getJsonArray("stations").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("id").equals("press-3")).findFirst().orElseThrow();
        assertThat(press.getInteger("openAlerts")).isEqualTo(1);
        assertThat(status.getJsonArray("openAlerts")).hasSize(1);

        JsonObject health = get("/health").bodyAsJsonObject();
        assertThat(health.getString("status")).isEqualTo("up");
        assertThat(health.getJsonObject("parts").fieldNames()).contains("store", "rules", "index");

        andon.close();
        andon = RunningAndon.start(dataDir);
        JsonObject afterRestart = get("/api/alerts/" + id).bodyAsJsonObject();
        assertThat(afterRestart.getJsonObject("decision")).isEqualTo(decision);
        assertThat(afterRestart.getString("state")).isEqualTo("assigned");
    }

    @Test
    void pageListsOpenAlertsAndOffersAChatBox() {
        raise(vibrationAlert());
        HttpResponse<Buffer> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getHeader("Content-Type")).startsWith("text/html");
        assertThat(page.bodyAsString()).contains("id=\"alerts\"", "id=\"chat-form\"");
    }
}
