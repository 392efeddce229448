package dev.andon.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.EscalationStep;
import dev.andon.core.alert.Transition;
import dev.andon.core.audit.AuditQuery;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.json.AndonJson;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.rules.escalation.EscalationScheduler;
import dev.andon.web.bench.BenchSignIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Escalations that fell due while the service was down fire exactly once: an alert is raised, the service is killed
 * (SIGKILL) before anyone acknowledges it, and it comes back after its deadlines have passed (its clock ahead); the due
 * steps fire, it is killed again at once, and a third start fires nothing more.
 */
class EscalationsAfterAKillTest {
    private static final ObjectMapper JSON = AndonJson.newMapper();

    @TempDir
    Path data;

    @Test
    void escalationsDueDuringAnOutageFireOnceAfterTheRestartAndNotAgainAfterTheNext() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        String alertId;
        String reader;
        ChildAndon first = ChildAndon.start(data, client);
        try {
            String admin = BenchSignIn.person(first.base, "admin", RunningAndon.ADMIN_PASSWORD);
            String gateway = BenchSignIn.machine(first.base, admin, "escalation test gateway", "alerts:write");
            // A machine token does not expire, so it still reads after the clock has moved on.
            reader = BenchSignIn.machine(first.base, admin, "escalation test reader", "alerts:read");
            HttpResponse<String> raised = send(client, first.base + "/api/alerts", gateway, """
                    {"source":"vibration-model","modelVersion":"2.3.1","line":"L2","station":"press-3",
                     "type":"vibration-anomaly","severity":"high","confidence":0.9,"timestamp":"%s"}""".formatted(Instant.now()));
            assertThat(raised.statusCode()).as(raised.body()).isEqualTo(202);
            JsonNode body = JSON.readTree(raised.body());
            alertId = (body.has("alert") ? body.get("alert") : body).get("id").asText();
        } finally {
            kill(first);
        }

        Duration latest = escalationSteps(alertId).stream().map(EscalationStep::after).max(Duration::compareTo).orElseThrow();
        Duration ahead = latest.plusMinutes(5);

        ChildAndon second = ChildAndon.start(data, client, ahead);
        try {
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> JSON.readTree(send(client, second.base + "/api/alerts/" + alertId + "/escalations", reader, null)
                            .body()).get("pending").isEmpty());
        } finally {
            kill(second); // right after the steps fired: whatever committed is what counts
        }
        long fired = escalationsIn(alertId);
        // Both steps were due: level 1 (unacknowledged) and level 2 (unresolved), each once.
        assertThat(fired).as("the due steps fired after the restart; the alert: %s", stored(alertId)).isEqualTo(2);
        assertThat(auditedEscalations(alertId)).isEqualTo(fired);

        ChildAndon third = ChildAndon.start(data, client, ahead.plusMinutes(1));
        try {
            // Several escalation ticks (one a second) on the restarted service: nothing fires a second time.
            await().during(4, TimeUnit.SECONDS).atMost(10, TimeUnit.SECONDS).until(() ->
                    send(client, third.base + "/api/alerts/" + alertId, reader, null).statusCode() == 200);
        } finally {
            kill(third);
        }
        assertThat(escalationsIn(alertId)).as("no step fires twice").isEqualTo(fired);
        assertThat(auditedEscalations(alertId)).isEqualTo(fired);
    }

    private java.util.List<EscalationStep> escalationSteps(String alertId) {
        try (AndonDatabase db = AndonDatabase.open(data)) {
            AlertRecord rec = new AlertStore(db, JSON).get(alertId);
            assertThat(rec.decision().escalation()).as("the runbook sets escalation steps").isNotEmpty();
            return rec.decision().escalation();
        }
    }

    private String stored(String alertId) {
        try (AndonDatabase db = AndonDatabase.open(data)) {
            return JSON.writeValueAsString(new AlertStore(db, JSON).get(alertId));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return e.toString();
        }
    }

    /** Escalation transitions in the alert's stored history. */
    private long escalationsIn(String alertId) {
        try (AndonDatabase db = AndonDatabase.open(data)) {
            return new AlertStore(db, JSON).get(alertId).history().stream()
                    .map(Transition::actor).filter(EscalationScheduler.ACTOR::equals).count();
        }
    }

    private long auditedEscalations(String alertId) {
        try (AndonDatabase db = AndonDatabase.open(data)) {
            AuditTrail audit = new AuditTrail(db, JSON, Clock.systemUTC());
            assertThat(audit.verify().intact()).isTrue();
            return audit.query(new AuditQuery(null, "alert/" + alertId, null, null, 1000)).stream()
                    .filter(r -> r.action().equals("alert.escalate")).count();
        }
    }

    private static HttpResponse<String> send(HttpClient client, String url, String bearer, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", bearer);
        if (json != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void kill(ChildAndon child) throws InterruptedException {
        child.process.destroyForcibly(); // SIGKILL: no shutdown hook, no close
        assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
}
