package dev.andon.connectors.out;

import dev.andon.connectors.base.ConnectorStats;
import dev.andon.connectors.mqtt.MqttSettings;
import dev.andon.connectors.mqtt.StationLights;
import dev.andon.connectors.testing.InboundRig;
import dev.andon.connectors.testing.Mosquitto;
import dev.andon.connectors.testing.TinySmtpServer;
import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Assignee;
import dev.andon.core.alert.Decision;
import dev.andon.core.alert.Severity;
import dev.andon.core.connector.DeadLetter;
import dev.andon.core.connector.Delivery;
import dev.andon.core.store.DeliveryLog;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NotificationsTest {
    @TempDir
    Path dir;
    Vertx vertx;
    WorkerExecutor workers;
    InboundRig rig;
    final List<AutoCloseable> toClose = new ArrayList<>();
    final RetryPolicy fast = new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(200));

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        workers = vertx.createSharedWorkerExecutor("test-out", 4);
        Files.createDirectories(dir.resolve("store"));
        rig = new InboundRig(dir.resolve("store"), 100);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        rig.close();
    }

    /** An alert on L2/press-3 decided for maintenance and assigned to Marco Ferri, as the rules would store it. */
    AlertRecord assigned() {
        Alert alert = new Alert(null, "vibration-model", "2.3.1", "L2", "press-3", "vibration-anomaly", Severity.HIGH,
                0.82, Instant.now(), Instant.now(), Map.of());
        Decision decision = new Decision("vibration-action", "maintenance",
                new Assignee("marco.ferri", "Marco Ferri", "maintenance", "on-shift"), List.of(), null, null,
                List.of(), Set.of(), List.of(), "1", Instant.now());
        AlertRecord rec = rig.alerts.insert(alert, r -> r.withDecision(decision));
        return rig.alerts.transition(rec.id(), AlertState.ASSIGNED, "andon-rules", null, Instant.now());
    }

    int receiver(List<JsonObject> got, AtomicInteger failFirst) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            if (failFirst.getAndDecrement() > 0) {
                req.response().setStatusCode(503).end();
            } else {
                got.add(b.toJsonObject().put("idempotencyKey", req.getHeader("Idempotency-Key")));
                req.response().setStatusCode(204).end();
            }
        }));
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        toClose.add(() -> server.close());
        return server.actualPort();
    }

    WebhookSink webhook(String name, int port, NotificationFilter filter) {
        WebhookSink sink = new WebhookSink(name, "http://127.0.0.1:" + port + "/andon", null, null, filter, vertx,
                rig.json, new ConnectorStats(rig.clock));
        sink.start();
        toClose.add(sink);
        return sink;
    }

    Deliveries deliveries(NotificationSink... sinks) {
        return new Deliveries(List.of(sinks), new DeliveryLog(rig.db, rig.json), rig.rejections, vertx, workers, fast,
                rig.json, rig.clock);
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsTheMessageLaterAndOnlyOnceEvenAfterARestart() throws Exception {
        List<JsonObject> got = new CopyOnWriteArrayList<>();
        AtomicInteger failFirst = new AtomicInteger(2);
        WebhookSink sink = webhook("pager", receiver(got, failFirst), NotificationFilter.of(null, null, null));
        AlertRecord rec = assigned();

        deliveries(sink).alertChanged(rec);
        await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);
        JsonObject n = got.get(0);
        assertThat(n.getString("event")).isEqualTo("assigned");
        assertThat(n.getString("assignee")).isEqualTo("marco.ferri");
        assertThat(n.getString("idempotencyKey")).isEqualTo(rec.id() + ":assigned:marco.ferri");
        assertThat(failFirst.get()).isNegative();
        Delivery d = new DeliveryLog(rig.db, rig.json).find("pager|" + rec.id() + ":assigned:marco.ferri").orElseThrow();
        assertThat(d.status()).isEqualTo(Delivery.DELIVERED);
        assertThat(d.attempts()).isEqualTo(3);

        // The alert repeats, and then Andon restarts: a fresh Deliveries over the same store sends nothing again.
        deliveries(sink).alertChanged(rig.alerts.update(rec.id(), r -> r.repeated(Instant.now())));
        Deliveries afterRestart = deliveries(sink);
        afterRestart.resumePending();
        afterRestart.alertChanged(rec);
        AlertRecord resolved = rig.alerts.transition(rec.id(), AlertState.RESOLVED, "marco.ferri", "bearing replaced",
                Instant.now());
        afterRestart.alertChanged(resolved);
        await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 2);
        assertThat(got.get(1).getString("event")).isEqualTo("resolved");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> got.size() == 2);
    }

    @Test
    void aReceiverThatStaysDownEndsAsADeadLetterVisibleWithItsBody() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        WebhookSink sink = webhook("gone", closedPort, NotificationFilter.of(null, null, null));
        AlertRecord rec = assigned();
        deliveries(sink).alertChanged(rec);

        await().atMost(Duration.ofSeconds(10)).until(() -> sink.health().deadLetters() == 1);
        DeadLetter letter = rig.deadLetters.list("gone", 10).get(0);
        assertThat(letter.direction()).isEqualTo(DeadLetter.OUT);
        assertThat(letter.reason()).startsWith("gave up after 4 attempts");
        assertThat(letter.raw()).contains("\"event\":\"assigned\"", "marco.ferri");
        assertThat(new DeliveryLog(rig.db, rig.json).find("gone|" + rec.id() + ":assigned:marco.ferri").orElseThrow()
                .status()).isEqualTo(Delivery.DEAD);
        assertThat(sink.health().connected()).isFalse();
    }

    @Test
    void eachEscalationIsItsOwnEventAndAnAcknowledgementIsNone() {
        AlertRecord rec = assigned();
        AlertRecord escalated = rig.alerts.transition(rec.id(), AlertState.ESCALATED, "andon-escalation",
                "not acknowledged within 5 min: team leader called", Instant.now());
        AlertRecord again = rig.alerts.transition(rec.id(), AlertState.ESCALATED, "andon-escalation",
                "on-call called", Instant.now());
        AlertRecord acknowledged = rig.alerts.transition(rec.id(), AlertState.ACKNOWLEDGED, "marco.ferri", null,
                Instant.now());

        assertThat(Notification.of(escalated)).singleElement().satisfies(n -> {
            assertThat(n.key()).isEqualTo(rec.id() + ":escalated:1");
            assertThat(n.summary()).endsWith("escalated: not acknowledged within 5 min: team leader called");
        });
        assertThat(Notification.of(again)).extracting(Notification::key).containsExactly(rec.id() + ":escalated:2");
        assertThat(Notification.of(acknowledged)).isEmpty();
    }

    @Test
    void aDeliveryPendingWhenAndonStoppedIsSentAtStart() throws Exception {
        List<JsonObject> got = new CopyOnWriteArrayList<>();
        WebhookSink sink = webhook("pager", receiver(got, new AtomicInteger()), NotificationFilter.of(null, null, null));
        Notification n = Notification.of(assigned()).get(0);
        new DeliveryLog(rig.db, rig.json).claim("pager|" + n.key(), "pager", rig.json.writeValueAsString(n), Instant.now());

        deliveries(sink).resumePending();
        await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);
        assertThat(got.get(0).getString("key")).isEqualTo(n.key());
    }

    @Test
    void sinksHearOnlyTheirRolesLinesAndEvents() throws Exception {
        List<JsonObject> quality = new CopyOnWriteArrayList<>();
        List<JsonObject> lineTwoResolved = new CopyOnWriteArrayList<>();
        WebhookSink q = webhook("quality", receiver(quality, new AtomicInteger()), NotificationFilter.of(null, null, List.of("quality")));
        WebhookSink l2 = webhook("l2", receiver(lineTwoResolved, new AtomicInteger()),
                NotificationFilter.of(List.of("resolved"), List.of("L2"), null));
        Deliveries d = deliveries(q, l2);
        AlertRecord rec = assigned();
        d.alertChanged(rec);
        d.alertChanged(rig.alerts.transition(rec.id(), AlertState.RESOLVED, "marco.ferri", null, Instant.now()));

        await().atMost(Duration.ofSeconds(10)).until(() -> lineTwoResolved.size() == 1);
        assertThat(lineTwoResolved.get(0).getString("event")).isEqualTo("resolved");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(quality::isEmpty);
    }

    @Test
    void anEmailGoesOverSmtpToTheConfiguredAddresses() throws Exception {
        TinySmtpServer smtp = new TinySmtpServer();
        toClose.add(smtp);
        EmailSink mail = new EmailSink("maintenance-mail", "127.0.0.1", smtp.port(), false, null, null,
                "andon@plant.example", List.of("maintenance-l2@plant.example"),
                NotificationFilter.of(List.of("assigned", "escalated"), List.of("L2"), List.of("maintenance")), vertx,
                new ConnectorStats(rig.clock));
        mail.start();
        toClose.add(mail);
        AlertRecord rec = assigned();
        deliveries(mail).alertChanged(rec);

        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.messages.size() == 1);
        TinySmtpServer.Message m = smtp.messages.get(0);
        assertThat(m.to()).containsExactly("<maintenance-l2@plant.example>");
        assertThat(m.data()).contains("Subject: [Andon] Alert " + rec.id() + " (vibration-anomaly, high) on L2/press-3 assigned to Marco Ferri");
        assertThat(m.data()).contains("X-Andon-Event: " + rec.id() + ":assigned:marco.ferri");
        await().atMost(Duration.ofSeconds(5)).until(() -> mail.health().messages() == 1);
    }

    @Test
    void andonLightsShowEachStationsColourAndOpenAlertsRetained() throws Exception {
        Files.createDirectories(dir.resolve("broker"));
        Mosquitto broker = Mosquitto.anonymous(dir.resolve("broker"));
        toClose.add(broker);
        StationLights lights = new StationLights("lights", new MqttSettings("127.0.0.1", broker.port(), false, null,
                null, null, "andon-lights", Duration.ofMillis(100), Duration.ofMillis(500), 1_048_576),
                "andon/lights/{line}/{station}", Set.of("L2"), rig.plant, rig.alerts, rig.stations, vertx, workers,
                rig.json, rig.clock);
        toClose.add(lights);
        lights.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> lights.health().connected());
        AlertRecord rec = assigned();
        lights.alertChanged(rec);

        List<JsonObject> seen = new CopyOnWriteArrayList<>();
        MqttClient board = MqttClient.create(vertx, new MqttClientOptions().setClientId("board"));
        board.publishHandler(m -> seen.add(m.payload().toJsonObject()));
        board.connect(broker.port(), "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        toClose.add(board::disconnect);
        board.subscribe("andon/lights/L2/press-3", MqttQoS.AT_LEAST_ONCE.value());
        // Retained: a board that connects after the change still sees the current light.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen).isNotEmpty()
                .last().satisfies(j -> {
                    assertThat(j.getString("colour")).isEqualTo("red");
                    assertThat(j.getInteger("openAlerts")).isEqualTo(1);
                }));

        lights.alertChanged(rig.alerts.transition(rec.id(), AlertState.RESOLVED, "marco.ferri", null, Instant.now()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen).last().satisfies(j -> {
            assertThat(j.getString("colour")).isEqualTo("green");
            assertThat(j.getInteger("openAlerts")).isZero();
        }));
    }
}
