package dev.andon.web.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.web.app.AndonApplication;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * MQTT intake against a real local Mosquitto, end to end: alerts published with QoS 1 to the broker, taken in by
 * Andon's MQTT connector, decided and committed; latency from publish to the committed decision's event on
 * GET /api/events. HTTP intake (POST /api/alerts, 8 senders) is measured in the same run for comparison.
 * Run with {@code ./andon bench mqtt [alerts]}.
 */
public final class MqttBench {
    private static final String ADMIN_PASSWORD = "mqtt-bench-admin-password";
    private static final String[] STATIONS = {"coil-1", "press-3", "station-4", "vision-5"};
    private static final String[] TYPES = {"vibration-anomaly", "temperature-drift", "tool-wear", "hydraulic-pressure-drop"};

    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Path dir = Files.createTempDirectory("andon-mqtt-bench");
        int brokerPort = freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n", "user " + System.getProperty("user.name"),
                "listener " + brokerPort + " 127.0.0.1", "allow_anonymous true", "max_inflight_messages 0",
                "max_queued_messages 100000", "") );
        Process broker = new ProcessBuilder("/usr/sbin/mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Files.writeString(dir.resolve("connectors.yaml"), """
                sources:
                  - name: bench-mqtt
                    kind: mqtt
                    broker: { host: 127.0.0.1, port: %d, clientId: andon-bench }
                    topics: { alerts: "bench/+/alerts" }
                    maxPerSecond: 0
                """.formatted(brokerPort));
        Vertx vertx = Vertx.vertx();
        AndonApplication app = null;
        try {
            waitForPort(brokerPort);
            app = AndonApplication.start(Map.of("ANDON_HTTP_PORT", "0", "ANDON_DATA_DIR", dir.resolve("data").toString(),
                    "ANDON_CONNECTORS_FILE", dir.resolve("connectors.yaml").toString(), "ANDON_ADMIN_PASSWORD", ADMIN_PASSWORD),
                    Clock.systemUTC());
            String base = "http://localhost:" + app.port();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // The L2 team leader raises alerts on L2 and watches the live stream; the administrator sees connectors.
            String token = BenchSignIn.samplePerson(base, dir.resolve("data"), "luca.bianchi");
            waitConnected(http, base, BenchSignIn.person(base, "admin", ADMIN_PASSWORD));

            // Committed decisions as the live screens see them.
            Map<String, Long> decidedAt = new ConcurrentHashMap<>();
            ObjectMapper json = new ObjectMapper();
            Thread sse = new Thread(() -> {
                try {
                    HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events"))
                            .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofLines());
                    r.body().filter(l -> l.startsWith("data: ")).forEach(l -> {
                        try {
                            JsonNode a = json.readTree(l.substring(6)).path("alert");
                            decidedAt.putIfAbsent(a.path("source").asText(), System.nanoTime());
                        } catch (IOException e) {
                            // not an alert event
                        }
                    });
                } catch (Exception e) {
                    // closed at the end of the run
                }
            }, "bench-sse");
            sse.setDaemon(true);
            sse.start();
            Thread.sleep(500);

            MqttClient pub = MqttClient.create(vertx, new MqttClientOptions().setClientId("bench-publisher")
                    .setMaxInflightQueue(window * 2));
            long[] sentAt = new long[alerts];
            Semaphore inFlight = new Semaphore(window);
            CountDownLatch acked = new CountDownLatch(alerts);
            // The broker's PUBACK, not the write, frees a slot: at most `window` alerts unacknowledged.
            pub.publishCompletionHandler(id -> {
                inFlight.release();
                acked.countDown();
            });
            pub.connect(brokerPort, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            long start = System.nanoTime();
            for (int i = 0; i < alerts; i++) {
                inFlight.acquire();
                String body = alert("mqtt-bench-" + i, i);
                sentAt[i] = System.nanoTime();
                vertx.runOnContext(v -> pub.publish("bench/L2/alerts", Buffer.buffer(body), MqttQoS.AT_LEAST_ONCE,
                        false, false));
            }
            acked.await(5, TimeUnit.MINUTES);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (decidedAt.keySet().stream().filter(k -> k.startsWith("mqtt-bench-")).count() < alerts
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long[] latency = new long[alerts];
            long last = start;
            int decided = 0;
            for (int i = 0; i < alerts; i++) {
                Long at = decidedAt.get("mqtt-bench-" + i);
                if (at != null) {
                    latency[decided++] = at - sentAt[i];
                    last = Math.max(last, at);
                }
            }
            double mqttRate = decided / ((last - start) / 1e9);
            long[] l = Arrays.copyOf(latency, decided);
            System.out.printf("mqtt     burst of %d (%d decided), QoS 1: %.0f alerts/s; publish → committed under that backlog p50 %.0f ms, p99 %.0f ms%n",
                    alerts, decided, mqttRate, pct(l, 50), pct(l, 99));

            // Latency without a backlog: publish at half the sustained rate.
            double rate = Math.max(1, mqttRate / 2);
            int paced = Math.max(20, alerts / 5);
            long[] pacedSent = new long[paced];
            long t0 = System.nanoTime();
            for (int i = 0; i < paced; i++) {
                long due = t0 + (long) (i * 1e9 / rate);
                while (System.nanoTime() < due) {
                    Thread.sleep(1);
                }
                String body = alert("mqtt-paced-" + i, i);
                pacedSent[i] = System.nanoTime();
                vertx.runOnContext(v -> pub.publish("bench/L2/alerts", Buffer.buffer(body), MqttQoS.AT_LEAST_ONCE,
                        false, false));
            }
            long pacedDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (decidedAt.keySet().stream().filter(k -> k.startsWith("mqtt-paced-")).count() < paced
                    && System.nanoTime() < pacedDeadline) {
                Thread.sleep(20);
            }
            long[] pl = new long[paced];
            int pd = 0;
            for (int i = 0; i < paced; i++) {
                Long at = decidedAt.get("mqtt-paced-" + i);
                if (at != null) {
                    pl[pd++] = at - pacedSent[i];
                }
            }
            pl = Arrays.copyOf(pl, pd);
            System.out.printf("mqtt     %d alerts at %.0f/s (half the burst rate): publish → committed p50 %.1f ms, p99 %.1f ms%n",
                    paced, rate, pct(pl, 50), pct(pl, 99));
            pub.disconnect();

            double httpRate = httpIntake(http, base, token, alerts);
            System.out.printf("ratio    MQTT / HTTP intake: %.0f %%%n", 100 * mqttRate / httpRate);
        } finally {
            if (app != null) {
                app.close();
            }
            vertx.close();
            broker.destroy();
            broker.waitFor();
        }
    }

    private static double httpIntake(HttpClient http, String base, String token, int alerts) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<Long>> timings = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < alerts; i++) {
            int n = i;
            timings.add(senders.submit(() -> {
                long t = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts"))
                        .header("Content-Type", "application/json").header("Authorization", token)
                        .POST(HttpRequest.BodyPublishers.ofString(alert("http-bench-" + n, n))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 202) {
                    throw new IllegalStateException("intake answered " + r.statusCode() + ": " + r.body());
                }
                return System.nanoTime() - t;
            }));
        }
        long[] t = new long[alerts];
        for (int i = 0; i < alerts; i++) {
            t[i] = timings.get(i).get();
        }
        double rate = alerts / ((System.nanoTime() - start) / 1e9);
        senders.shutdown();
        System.out.printf("http     %d alerts, 8 senders: %.0f alerts/s, p50 %.1f ms, p99 %.1f ms%n", alerts, rate,
                pct(t, 50), pct(t, 99));
        return rate;
    }

    /** Distinct sources, so each alert is a new decision (no deduplication), as in the HTTP bench. */
    private static String alert(String source, int n) {
        return """
                {"source":"%s","modelVersion":"1.0","line":"L2","station":"%s","type":"%s",
                 "severity":"medium","confidence":0.9,"timestamp":"%s"}"""
                .formatted(source, STATIONS[n % 4], TYPES[(n / 4) % 4], Instant.now().minusSeconds(1));
    }

    private static void waitConnected(HttpClient http, String base, String token) throws Exception {
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/connectors/bench-mqtt"))
                    .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
            if (r.body().contains("\"connected\":true")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the MQTT connector did not connect");
    }

    private static void waitForPort(int port) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not start");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static double pct(long[] nanos, int p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)] / 1e6;
    }
}
