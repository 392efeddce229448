package dev.andon.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits on what intake takes and what listings give back: payload depth and size, plausible timestamps, text
 * lengths, errors in JSON terms, bounded line status and paged listings, and a bad alert among many good ones.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeLimitsTest {
    @TempDir
    static Path dataDir;
    RunningAndon andon;
    WebClient http;

    @BeforeAll
    void start(Vertx vertx) {
        andon = RunningAndon.start(dataDir);
        http = WebClient.create(vertx);
    }

    @AfterAll
    void stop() {
        http.close();
        andon.close();
    }

    static JsonObject alert(String source, String line, String station) {
        return new JsonObject().put("source", source).put("modelVersion", "1.0").put("line", line)
                .put("station", station).put("type", "tool-wear").put("severity", "medium").put("confidence", 0.9)
                .put("timestamp", RunningAndon.NINE_AM_ROME.minusSeconds(5).toString());
    }

    String gateway;

    /**
     * Alerts and heartbeats come from a model gateway's machine token, station reports from maintenance, silences
     * from the process owner: each from someone the permission policy lets through, so the limits are what refuses.
     */
    Future<HttpResponse<Buffer>> post(String path, Object body) {
        if (gateway == null) {
            gateway = andon.machineToken("limits-gateway", "alerts:write");
        }
        String token = path.equals("/api/alerts") || path.equals("/api/heartbeats") ? gateway
                : path.startsWith("/api/lines/") ? andon.tokenFor("marco.ferri")
                : path.startsWith("/api/silences") ? andon.tokenFor("roberta.fontana") : andon.tokenFor("admin");
        return http.postAbs(andon.url(path)).putHeader("Content-Type", "application/json")
                .putHeader("Authorization", "Bearer " + token)
                .sendBuffer(Buffer.buffer(body.toString()));
    }

    HttpResponse<Buffer> get(String path) {
        return http.getAbs(andon.url(path)).putHeader("Authorization", "Bearer " + andon.tokenFor("admin"))
                .send().await();
    }

    static String problem(HttpResponse<Buffer> r, String field) {
        JsonArray problems = r.bodyAsJsonObject().getJsonArray("problems");
        for (int i = 0; i < problems.size(); i++) {
            if (field.equals(problems.getJsonObject(i).getString("field"))) {
                return problems.getJsonObject(i).getString("message");
            }
        }
        throw new AssertionError("no problem for " + field + " in " + r.bodyAsString());
    }

    @Test
    void aPayloadNestedTooDeepIsRefusedAndListingsKeepWorking() {
        JsonObject deep = new JsonObject().put("v", 1);
        for (int i = 0; i < 40; i++) {
            deep = new JsonObject().put("n", deep);
        }
        HttpResponse<Buffer> r = post("/api/alerts", alert("deep-model", "L1", "robot-2").put("payload", deep)).await();

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(problem(r, "payload")).contains("deeper than 32");
        assertThat(get("/api/alerts").statusCode()).isEqualTo(200);
        assertThat(get("/api/lines/L1/status").statusCode()).isEqualTo(200);
    }

    @Test
    void aPayloadOverItsSizeLimitIsRefused() {
        JsonObject big = new JsonObject().put("blob", "x".repeat(70 * 1024));
        HttpResponse<Buffer> r = post("/api/alerts", alert("big-model", "L1", "robot-2").put("payload", big)).await();

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(problem(r, "payload")).contains("larger than 65536 bytes");
    }

    @Test
    void timestampsOutsideAPlausibleWindowAreRefused() {
        for (String ts : List.of("0001-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "2026-01-01T00:00:00Z")) {
            HttpResponse<Buffer> r = post("/api/alerts", alert("old-model", "L1", "robot-2").put("timestamp", ts)).await();
            assertThat(r.statusCode()).as(ts).isEqualTo(400);
            assertThat(problem(r, "timestamp")).as(ts).contains("in the past");
        }
    }

    @Test
    void overlongHeartbeatSourceAndStationReasonAreRefused() {
        HttpResponse<Buffer> hb = post("/api/heartbeats", new JsonObject().put("source", "m".repeat(100_000))
                .put("line", "L1")).await();
        assertThat(hb.statusCode()).isEqualTo(400);
        assertThat(problem(hb, "source")).contains("longer than 200");

        HttpResponse<Buffer> st = post("/api/lines/L1/stations/robot-2/status", new JsonObject().put("state", "down")
                .put("reason", "r".repeat(100_000))).await();
        assertThat(st.statusCode()).isEqualTo(400);
        assertThat(problem(st, "reason")).contains("longer than 500");
        assertThat(get("/api/lines/L1/status").bodyAsJsonObject().getJsonArray("stations").getJsonObject(1)
                .getJsonObject("status").getString("state")).isNotEqualTo("down");
    }

    @Test
    void aTypeErrorIsExplainedInJsonTerms() {
        HttpResponse<Buffer> r = post("/api/silences", new JsonObject().put("line", new JsonArray().add("L1"))
                .put("endsAt", 5).put("author", "anna.rossi").put("reason", "test")).await();

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsString()).doesNotContain("java.").doesNotContain("String");
        assertThat(problem(r, "line")).contains("must be a string").contains("got an array");
    }

    @Test
    void lineStatusCarriesCountsAndOnlyTheNewestOpenAlertsAndListingsPage() {
        List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            sent.add(post("/api/alerts", alert("page-model-" + i, "L2", i % 2 == 0 ? "press-3" : "coil-1")));
        }
        sent.forEach(f -> assertThat(f.await().statusCode()).isEqualTo(202));

        JsonObject status = get("/api/lines/L2/status").bodyAsJsonObject();
        assertThat(status.getInteger("openAlertCount")).isGreaterThanOrEqualTo(120);
        assertThat(status.getJsonArray("openAlerts")).hasSize(50);
        assertThat(get("/api/lines/L2/status?limit=5").bodyAsJsonObject().getJsonArray("openAlerts")).hasSize(5);
        assertThat(get("/api/lines/L2/status?limit=-1").statusCode()).isEqualTo(400);

        Set<String> seen = new HashSet<>();
        String next = null;
        int pages = 0;
        do {
            JsonObject page = get("/api/alerts?line=L2&state=open&limit=50" + (next == null ? "" : "&before=" + next)).bodyAsJsonObject();
            page.getJsonArray("alerts").forEach(a -> assertThat(seen.add(((JsonObject) a).getJsonObject("alert").getString("id"))).isTrue());
            next = page.getString("next");
            pages++;
        } while (next != null && pages < 20);
        assertThat(seen).hasSize(status.getInteger("openAlertCount"));
        assertThat(get("/api/alerts?before=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void metricsShowIntakeAndHttpInPrometheusFormat() {
        assertThat(post("/api/alerts", alert("metrics-model", "L1", "feeder-1")).await().statusCode()).isEqualTo(202);

        HttpResponse<Buffer> r = get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("Content-Type")).startsWith("text/plain");
        assertThat(r.bodyAsString())
                .containsPattern("andon_alerts_received_total [1-9]")
                .containsPattern("andon_alerts_decided_total\\{outcome=\"assigned\",ruleset=\"v1\"} [1-9]")
                .contains("andon_alerts_deduplicated_total", "andon_intake_batch_size_count", "andon_intake_commit_seconds_bucket",
                        "andon_intake_queue_depth", "andon_intake_queue_capacity 5000")
                .containsPattern("andon_intake_unanswered \\d")
                // Vert.x Web names a request by every route it passed (sign-in, guard, feature): the label ends in the
                // feature's path.
                .containsPattern("vertx_http_server_requests_total\\{.*method=\"POST\",route=\"[^\"]*/api/alerts\"")
                // every connector of the sample plant, by name, kind and direction
                .containsPattern("andon_connector_enabled\\{connector=\"alertmanager\",direction=\"in\",kind=\"alertmanager\"} 1")
                .containsPattern("andon_connector_messages_total\\{connector=\"plant-mqtt\"")
                .containsPattern("andon_connector_connected\\{connector=\"andon-lights\"")
                .contains("andon_dead_letters ", "andon_dead_letters_dropped_total");
    }

    @Test
    void aMalformedAlertInABusyBatchIsRefusedAloneAndTheOthersAreTaken() {
        List<Future<HttpResponse<Buffer>>> good = new ArrayList<>();
        List<Future<HttpResponse<Buffer>>> bad = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            good.add(post("/api/alerts", alert("busy-model-" + i, "L1", "vision-4")));
            if (i % 20 == 0) {
                bad.add(post("/api/alerts", alert("busy-bad-" + i, "L1", "vision-4").put("confidence", "high")));
            }
        }
        Set<String> ids = new HashSet<>();
        for (Future<HttpResponse<Buffer>> f : good) {
            HttpResponse<Buffer> r = f.await();
            assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
            ids.add(r.bodyAsJsonObject().getJsonObject("alert").getString("id"));
        }
        assertThat(ids).hasSize(200);
        for (Future<HttpResponse<Buffer>> f : bad) {
            HttpResponse<Buffer> r = f.await();
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(problem(r, "confidence")).contains("must be a number");
        }
    }
}
