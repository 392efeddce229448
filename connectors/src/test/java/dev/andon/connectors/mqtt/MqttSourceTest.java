package dev.andon.connectors.mqtt;

import dev.andon.connectors.testing.InboundRig;
import dev.andon.connectors.testing.Mosquitto;
import dev.andon.connectors.testing.SelfSignedCertificate;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.connector.DeadLetter;
import dev.andon.core.line.StationState;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MqttSourceTest {
    static final MqttTopics TOPICS = new MqttTopics("plant/+/alerts", "plant/+/stations", "plant/+/heartbeats");

    @TempDir
    Path dir;
    Vertx vertx;
    WorkerExecutor workers;
    InboundRig rig;
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        workers = vertx.createSharedWorkerExecutor("test-connectors", 4);
        Files.createDirectories(dir.resolve("store"));
        Files.createDirectories(dir.resolve("broker"));
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

    MqttSource source(Mosquitto broker, String user, String password, boolean tls, Path trust, int maxPerSecond) {
        MqttSettings settings = new MqttSettings("127.0.0.1", broker.port(), tls, trust, user, password, "andon-test",
                Duration.ofMillis(100), Duration.ofMillis(500), 1_048_576);
        MqttSource s = new MqttSource("plant-mqtt", settings, TOPICS, 2048, maxPerSecond, vertx, workers, rig.inbound,
                rig.rejections, rig.clock);
        toClose.add(s);
        return s;
    }

    MqttClient publisher(Mosquitto broker, String user, String password, Path trust) throws Exception {
        MqttClientOptions o = new MqttClientOptions().setClientId("test-publisher-" + System.nanoTime())
                .setMaxInflightQueue(1000);
        if (user != null) {
            o.setUsername(user).setPassword(password);
        }
        if (trust != null) {
            o.setSsl(true);
            o.setHostnameVerificationAlgorithm("HTTPS");
            o.setTrustOptions(new PemTrustOptions().addCertPath(trust.toString()));
        }
        MqttClient c = MqttClient.create(vertx, o);
        c.connect(broker.port(), "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        toClose.add(() -> c.disconnect());
        return c;
    }

    static void publish(MqttClient c, String topic, byte[] payload) throws Exception {
        c.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static void publish(MqttClient c, String topic, String payload) throws Exception {
        publish(c, topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void alertsStationEventsAndHeartbeatsArriveFromAnAnonymousBroker() throws Exception {
        Mosquitto broker = Mosquitto.anonymous(dir.resolve("broker"));
        toClose.add(broker);
        MqttSource source = source(broker, null, null, false, null, 500);
        source.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> source.health().connected());
        MqttClient pub = publisher(broker, null, null, null);

        publish(pub, "plant/L2/alerts", InboundRig.alert("press-3", "vibration-anomaly", 0.82));
        publish(pub, "plant/L2/stations", "{\"line\":\"L2\",\"station\":\"press-3\",\"state\":\"down\",\"reason\":\"E-STOP\"}");
        publish(pub, "plant/L2/heartbeats", "{\"source\":\"vibration-model\",\"line\":\"L2\",\"modelVersion\":\"2.3.1\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(rig.stored()).extracting(r -> r.alert().station()).containsExactly("press-3");
            assertThat(rig.stations.get("L2", "press-3").state()).isEqualTo(StationState.DOWN);
            assertThat(rig.heartbeats).containsExactly("vibration-model@L2/null#2.3.1");
        });
        assertThat(rig.announced).hasSize(1);
        assertThat(source.health().messages()).isEqualTo(3);
        assertThat(source.health().messagesPerMinute()).isEqualTo(3);
        assertThat(source.health().lastMessageAt()).isNotNull();
        assertThat(source.health().rejects()).isZero();
    }

    @Test
    void badMessagesAreCountedAndKeptAsDeadLettersAndTheSubscriberGoesOn() throws Exception {
        Mosquitto broker = Mosquitto.anonymous(dir.resolve("broker"));
        toClose.add(broker);
        MqttSource source = source(broker, null, null, false, null, 20);
        source.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> source.health().connected());
        MqttClient pub = publisher(broker, null, null, null);

        publish(pub, "plant/L2/alerts", "{\"source\":\"vibration-model\", \"line\":");                    // malformed
        publish(pub, "plant/L2/alerts", InboundRig.alert("press-3", "vibration-anomaly", 0.82)
                .replace("\"confidence\":0.82", "\"confidence\":\"high\""));                              // wrong type
        publish(pub, "plant/L7/alerts", InboundRig.alert("press-3", "vibration-anomaly", 0.82)
                .replace("\"L2\"", "\"L7\""));                                                              // unknown line
        publish(pub, "plant/L2/stations", "{\"line\":\"L2\",\"station\":\"press-99\",\"state\":\"running\"}"); // unknown station
        publish(pub, "plant/L2/alerts", "{\"pad\":\"" + "x".repeat(5000) + "\"}");                       // oversized
        publish(pub, "plant/L2/alerts", new byte[]{(byte) 0xC3, (byte) 0x28, '{', '}'});                // not UTF-8
        publish(pub, "plant/L2/alerts", InboundRig.alert("press-3", "vibration-anomaly", 0.9));          // fine

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(rig.stored()).hasSize(1);
            assertThat(rig.deadLetters.size()).isEqualTo(6);
        });
        List<DeadLetter> letters = rig.deadLetters.list("plant-mqtt", 10);
        assertThat(letters).extracting(DeadLetter::reason).anySatisfy(r -> assertThat(r).contains("malformed JSON"))
                .anySatisfy(r -> assertThat(r).contains("confidence: must be a number"))
                .anySatisfy(r -> assertThat(r).contains("unknown line 'L7'"))
                .anySatisfy(r -> assertThat(r).contains("unknown station 'press-99'"))
                .anySatisfy(r -> assertThat(r).contains("oversized: 5010 bytes"));
        assertThat(letters).extracting(DeadLetter::raw).anySatisfy(raw -> assertThat(raw).startsWith("base64:"))
                .anySatisfy(raw -> assertThat(raw).isEqualTo("{\"source\":\"vibration-model\", \"line\":"));
        assertThat(source.health().rejects()).isEqualTo(6);
        assertThat(source.health().deadLetters()).isEqualTo(6);

        // A flood on one topic: what is over 20 a second is refused and kept, the subscriber stays up.
        for (int i = 0; i < 60; i++) {
            pub.publish("plant/L1/alerts", Buffer.buffer("{\"n\":" + i + "}"), MqttQoS.AT_MOST_ONCE, false, false);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(rig.deadLetters.list("plant-mqtt", 200)).extracting(DeadLetter::reason)
                        .anySatisfy(r -> assertThat(r).startsWith("flood: topic plant/L1/alerts")));
        publish(pub, "plant/L2/alerts", InboundRig.alert("vision-5", "vision-defect", 0.7));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rig.stored()).hasSize(2));
        assertThat(source.health().connected()).isTrue();
    }

    @Test
    void deadLettersAreBoundedOldestDroppedAndCounted() throws Exception {
        Mosquitto broker = Mosquitto.anonymous(dir.resolve("broker"));
        toClose.add(broker);
        MqttSource source = source(broker, null, null, false, null, 0);
        source.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> source.health().connected());
        MqttClient pub = publisher(broker, null, null, null);
        for (int i = 0; i < 130; i++) {
            publish(pub, "plant/L2/alerts", "not json " + i);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> source.health().deadLetters() == 130);
        assertThat(source.health().rejects()).isEqualTo(130);
        assertThat(rig.deadLetters.size()).isEqualTo(100);
        assertThat(rig.deadLetters.dropped()).isEqualTo(30);
        assertThat(rig.deadLetters.list(null, 100)).extracting(DeadLetter::raw)
                .contains("not json 129").doesNotContain("not json 0");
    }

    @Test
    void withUsernameAndPasswordOnlyTheRightCredentialsConnect() throws Exception {
        Mosquitto broker = Mosquitto.withPassword(dir.resolve("broker"), "andon", "s3cret");
        toClose.add(broker);
        MqttSource wrong = new MqttSource("wrong", new MqttSettings("127.0.0.1", broker.port(), false, null, "andon",
                "nope", "andon-wrong", Duration.ofMillis(100), Duration.ofMillis(500), 1_048_576), TOPICS, 2048, 0,
                vertx, workers, rig.inbound, rig.rejections, rig.clock);
        toClose.add(wrong);
        wrong.start();
        MqttSource source = source(broker, "andon", "s3cret", false, null, 0);
        source.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> source.health().connected());
        await().atMost(Duration.ofSeconds(10)).until(() -> wrong.health().detail().contains("last error"));
        assertThat(wrong.health().connected()).isFalse();

        publish(publisher(broker, "andon", "s3cret", null), "plant/L2/alerts",
                InboundRig.alert("press-3", "vibration-anomaly", 0.82));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rig.stored()).hasSize(1));
    }

    @Test
    void overTlsWithTheBrokersCertificateTrusted() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Mosquitto broker = Mosquitto.withTls(dir.resolve("broker"), cert);
        toClose.add(broker);
        MqttSource source = source(broker, null, null, true, cert.certPem(), 0);
        source.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> source.health().connected());
        assertThat(source.health().detail()).contains("(TLS)");

        publish(publisher(broker, null, null, cert.certPem()), "plant/L2/alerts",
                InboundRig.alert("press-3", "vibration-anomaly", 0.82));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rig.stored()).hasSize(1));
    }

    @Test
    void whatTheBrokerKeptWhileAndonWasAwayArrivesAndABrokerRestartIsSurvived() throws Exception {
        Mosquitto broker = Mosquitto.anonymous(dir.resolve("broker"));
        toClose.add(broker);
        MqttSource source = source(broker, null, null, false, null, 0);
        source.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> source.health().connected());
        source.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !source.health().connected());

        MqttClient pub = publisher(broker, null, null, null);
        publish(pub, "plant/L2/alerts", InboundRig.alert("press-3", "vibration-anomaly", 0.81));
        publish(pub, "plant/L2/alerts", InboundRig.alert("vision-5", "vision-defect", 0.71));
        source.start();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(rig.stored()).extracting(r -> r.alert().station()).containsExactlyInAnyOrder("press-3", "vision-5"));

        broker.stopProcess();
        await().atMost(Duration.ofSeconds(10)).until(() -> !source.health().connected());
        broker.startProcess();
        await().atMost(Duration.ofSeconds(15)).until(() -> source.health().connected());
        assertThat(source.connects()).isEqualTo(3);

        MqttClient again = publisher(broker, null, null, null);
        publish(again, "plant/L2/alerts", InboundRig.alert("station-4", "tool-wear", 0.66));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(rig.stored()).extracting(AlertRecord::alert).extracting(a -> a.station())
                        .contains("station-4"));
    }
}
