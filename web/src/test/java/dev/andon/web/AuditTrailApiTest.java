package dev.andon.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.util.List;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What an administrator finds in GET /api/audit after alerts are raised and stations reported, and that it verifies. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailApiTest {
    @TempDir
    static Path dataDir;
    RunningAndon andon;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start() {
        andon = RunningAndon.start(dataDir);
    }

    @AfterAll
    void stop() {
        andon.close();
    }

    private JsonNode auditOf(String object) throws Exception {
        HttpResponse<String> r = Http.get(andon.url("/api/audit?object=" + object), andon.tokenFor("admin"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("records");
    }

    private void assertChainIntact() throws Exception {
        HttpResponse<String> r = Http.get(andon.url("/api/audit/verify"), andon.tokenFor("roberta.fontana"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json.readTree(r.body()).get("intact").asBoolean()).as(r.body()).isTrue();
    }

    @Test
    void anAlertRaisedByAGatewayTokenIsAuditedInItsNameWithTheRequestIdAndTheDecision() throws Exception {
        String gateway = andon.machineToken("audit gateway", "alerts:write");
        HttpResponse<String> raised = Http.post(andon.url("/api/alerts"), gateway, "{\"source\":\"audit-model\","
                + "\"line\":\"L2\",\"station\":\"press-3\",\"type\":\"vibration-anomaly\",\"severity\":\"high\","
                + "\"confidence\":0.9,\"timestamp\":\"2026-11-25T07:58:00Z\"}");
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(202);
        String id = json.readTree(raised.body()).get("alert").get("id").asText();
        String requestId = raised.headers().firstValue("X-Request-Id").orElseThrow();

        JsonNode records = auditOf("alert/" + id);
        assertThat(records).hasSize(1);
        JsonNode rec = records.get(0);
        assertThat(rec.get("actor").asText()).startsWith("token:");
        assertThat(rec.get("action").asText()).isEqualTo("alert.raise");
        assertThat(rec.get("requestId").asText()).isEqualTo(requestId);
        assertThat(rec.get("after").get("line").asText()).isEqualTo("L2");
        assertThat(rec.get("after").get("ruleset").asText()).isNotBlank();
        assertChainIntact();
    }

    @Test
    void aStationReportIsAuditedInTheOperatorsNameWithTheStateBeforeAndAfter() throws Exception {
        HttpResponse<String> running = Http.post(andon.url("/api/lines/L2/stations/coil-1/status"),
                andon.tokenFor("anna.rossi"), "{\"state\":\"running\"}");
        assertThat(running.statusCode()).as(running.body()).isEqualTo(200);
        HttpResponse<String> down = Http.post(andon.url("/api/lines/L2/stations/coil-1/status"),
                andon.tokenFor("anna.rossi"), "{\"state\":\"down\",\"reason\":\"coil-jam\"}");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(200);
        assertThat(json.readTree(down.body()).get("reportedBy").asText()).isEqualTo("anna.rossi");

        JsonNode rec = auditOf("station/L2/coil-1").get(0);
        assertThat(rec.get("actor").asText()).isEqualTo("anna.rossi");
        assertThat(rec.get("action").asText()).isEqualTo("station.report");
        assertThat(rec.get("requestId").asText()).isEqualTo(down.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(rec.get("before").get("state").asText()).isEqualTo("running");
        assertThat(rec.get("after").get("state").asText()).isEqualTo("down");
        assertThat(rec.get("after").get("reason").asText()).isEqualTo("coil-jam");

        // another line's operator is refused, and nothing is written
        HttpResponse<String> refused = Http.post(andon.url("/api/lines/L2/stations/coil-1/status"),
                andon.tokenFor("sara.neri"), "{\"state\":\"running\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).has("error")).as(refused.body()).isTrue();
        assertThat(auditOf("station/L2/coil-1")).hasSize(2);
        assertChainIntact();
    }

    @Test
    void resolvingAStormIncidentIsAuditedInTheLeadersNameAndRefusedToAnotherLine() throws Exception {
        String gateway = andon.machineToken("storm gateway", "alerts:write");
        for (String station : List.of("feeder-1", "robot-2", "vision-4", "pack-5")) {
            for (String type : List.of("vibration-anomaly", "temperature-drift")) {
                HttpResponse<String> r = Http.post(andon.url("/api/alerts"), gateway, "{\"source\":\"storm-model\","
                        + "\"line\":\"L1\",\"station\":\"" + station + "\",\"type\":\"" + type + "\","
                        + "\"severity\":\"high\",\"confidence\":0.9,\"timestamp\":\"2026-11-25T07:58:00Z\"}");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            }
        }
        JsonNode open = json.readTree(Http.get(andon.url("/api/incidents?line=L1"), andon.tokenFor("paolo.greco")).body())
                .get("incidents");
        assertThat(open).as("a storm on L1 opens an incident").isNotEmpty();
        String incident = open.get(0).get("id").asText();

        HttpResponse<String> otherLine = Http.post(andon.url("/api/incidents/" + incident + "/resolve"),
                andon.tokenFor("anna.rossi"), "{}");
        assertThat(otherLine.statusCode()).as(otherLine.body()).isEqualTo(403);
        assertThat(auditOf("incident/" + incident)).isEmpty();

        HttpResponse<String> resolved = Http.post(andon.url("/api/incidents/" + incident + "/resolve"),
                andon.tokenFor("paolo.greco"), "{}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        JsonNode rec = auditOf("incident/" + incident).get(0);
        assertThat(rec.get("actor").asText()).isEqualTo("paolo.greco");
        assertThat(rec.get("action").asText()).isEqualTo("incident.resolve");
        assertThat(rec.get("before").get("state").asText()).isEqualTo("open");
        assertThat(rec.get("after").get("state").asText()).isEqualTo("resolved");
        assertChainIntact();
    }
}
