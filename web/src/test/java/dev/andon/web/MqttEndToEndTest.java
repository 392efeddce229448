package dev.andon.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path through the real application and a real broker: an alert published on MQTT is decided and stored,
 * the person assigned is notified by webhook, and the station's andon light turns red — all from the plant's
 * connectors file.
 */
class MqttEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void anAlertPublishedOnMqttIsDecidedNotifiedAndLightsTheStation() throws Exception {
        Vertx vertx = Vertx.vertx();
        List<JsonObject> notified = new CopyOnWriteArrayList<>();
        HttpServer receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            notified.add(b.toJsonObject());
            req.response().setStatusCode(200).end();
        }));
        receiver.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try (LocalMosquitto broker = LocalMosquitto.start(dir.resolve("broker"))) {
            Path config = dir.resolve("connectors.yaml");
            Files.writeString(config, """
                    sources:
                      - name: plant-mqtt
                        kind: mqtt
                        broker: { host: 127.0.0.1, port: %d, clientId: andon-e2e }
                        topics: { alerts: "andon/+/alerts", stations: "andon/+/stations" }
                    sinks:
                      - name: maintenance-pager
                        kind: webhook
                        url: http://127.0.0.1:%d/pager
                        events: [assigned]
                        roles: [maintenance]
                      - name: lights
                        kind: mqtt-lights
                        broker: { host: 127.0.0.1, port: %d, clientId: andon-e2e-lights }
                        lines: [L2]
                    """.formatted(broker.port, receiver.actualPort(), broker.port));
            try (RunningAndon andon = RunningAndon.start(dir.resolve("data"), Map.of("ANDON_CONNECTORS_FILE", config.toString()))) {
                String token = andon.tokenFor("luca.bianchi");
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        Http.get(andon.url("/api/connectors/plant-mqtt"), token).body().contains("\"connected\":true"));

                List<JsonObject> lights = new CopyOnWriteArrayList<>();
                MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId("e2e-board"));
                client.publishHandler(m -> lights.add(m.payload().toJsonObject()));
                client.connect(broker.port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                client.subscribe("andon/lights/L2/press-3", 1).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

                String alert = """
                        {"source":"vibration-model","modelVersion":"2.3.1","line":"L2","station":"press-3",
                         "type":"vibration-anomaly","severity":"high","confidence":0.82,"timestamp":"%s",
                         "payload":{"rms_mm_s":11.4}}""".formatted(RunningAndon.NINE_AM_ROME);
                client.publish("andon/L2/alerts", Buffer.buffer(alert), MqttQoS.AT_LEAST_ONCE, false, false)
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

                ObjectMapper json = new ObjectMapper();
                JsonNode stored = await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(
                        Http.get(andon.url("/api/alerts?line=L2&station=press-3"), token).body()).path("alerts"),
                        a -> a.size() == 1).get(0);
                assertThat(stored.path("decision").path("ownerRole").asText()).isEqualTo("maintenance");
                String person = stored.path("decision").path("assignee").path("person").asText();
                assertThat(person).isNotBlank();

                await().atMost(Duration.ofSeconds(20)).until(() -> notified.size() == 1);
                assertThat(notified.get(0).getString("event")).isEqualTo("assigned");
                assertThat(notified.get(0).getString("assignee")).isEqualTo(person);
                assertThat(notified.get(0).getString("alertId")).isEqualTo(stored.path("alert").path("id").asText());

                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lights).isNotEmpty().last()
                        .satisfies(l -> {
                            assertThat(l.getString("colour")).isEqualTo("red");
                            assertThat(l.getInteger("openAlerts")).isEqualTo(1);
                        }));

                // A station event over MQTT reaches the line status like a report over HTTP.
                client.publish("andon/L2/stations", Buffer.buffer("{\"line\":\"L2\",\"station\":\"coil-1\",\"state\":\"down\",\"reason\":\"JAM\"}"),
                        MqttQoS.AT_LEAST_ONCE, false, false);
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        Http.get(andon.url("/api/lines/L2/status"), token).body().contains("\"JAM\""));
                client.disconnect();
            }
        } finally {
            receiver.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
