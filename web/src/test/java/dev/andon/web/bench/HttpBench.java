package dev.andon.web.bench;

import dev.andon.web.app.AndonApplication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * End-to-end figures over real HTTP on loopback: alert intake (POST /api/alerts, committed before 202) and offline
 * chat answers (POST /api/chat) per kind of question. Run with {@code ./andon bench http}.
 */
public final class HttpBench {
    private static final List<String> QUESTIONS = List.of(
            "what do I do about alert %s?",
            "how do I change the die on press 3?",
            "status of L2",
            "summarise this shift on L2",
            "onboard me as an operator on L2",
            "how do I isolate hydraulic energy before working on the press?");

    private static String bearer;

    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int chats = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path data = Files.createTempDirectory("andon-bench");
        AndonApplication app = AndonApplication.start(Map.of("ANDON_HTTP_PORT", "0", "ANDON_DATA_DIR", data.toString()),
                Clock.systemUTC());
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://localhost:" + app.port();
            // since sign-in: the L2 team leader may raise alerts on L2 and chat; one bearer token for the whole run
            bearer = BenchSignIn.samplePerson(base, data, "luca.bianchi");
            String stations[] = {"coil-1", "press-3", "station-4", "vision-5"};
            String types[] = {"vibration-anomaly", "temperature-drift", "tool-wear", "hydraulic-pressure-drop"};

            // Intake: 8 concurrent senders, distinct fingerprints so each alert is a new decision.
            ExecutorService senders = Executors.newFixedThreadPool(8);
            List<Future<Long>> timings = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < alerts; i++) {
                int n = i;
                timings.add(senders.submit(() -> {
                    String body = """
                            {"source":"bench-model-%d","modelVersion":"1.0","line":"L2","station":"%s","type":"%s",
                             "severity":"medium","confidence":0.9,"timestamp":"%s"}"""
                            .formatted(n, stations[n % 4], types[(n / 4) % 4], java.time.Instant.now().minusSeconds(1));
                    long t = System.nanoTime();
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts"))
                            .header("Content-Type", "application/json").header("Authorization", bearer).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 202) {
                        throw new IllegalStateException("intake answered " + r.statusCode() + ": " + r.body());
                    }
                    return System.nanoTime() - t;
                }));
            }
            long[] intake = new long[alerts];
            for (int i = 0; i < alerts; i++) {
                intake[i] = timings.get(i).get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            senders.shutdown();
            System.out.printf("intake   %d alerts, 8 senders: %.0f alerts/s, p50 %.2f ms, p99 %.2f ms%n",
                    alerts, alerts / seconds, pct(intake, 50), pct(intake, 99));

            // Chat: one user at a time, as people ask; warm-up first.
            for (String q : QUESTIONS) {
                for (int i = 0; i < 5; i++) {
                    chat(client, base, q.formatted("1"));
                }
            }
            for (String q : QUESTIONS) {
                long[] t = new long[chats];
                for (int i = 0; i < chats; i++) {
                    long s = System.nanoTime();
                    chat(client, base, q.formatted(Integer.toString(1 + i)));
                    t[i] = System.nanoTime() - s;
                }
                System.out.printf("chat     %-62s p50 %6.1f ms  p95 %6.1f ms%n", '"' + q.formatted("N") + '"', pct(t, 50), pct(t, 95));
            }
        } finally {
            app.close();
        }
    }

    private static void chat(HttpClient client, String base, String message) throws Exception {
        String body = "{\"message\":\"" + message.replace("\"", "\\\"") + "\",\"userId\":\"luca.bianchi\",\"role\":\"team-leader\",\"line\":\"L2\"}";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/chat"))
                .header("Content-Type", "application/json").header("Authorization", bearer).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("chat answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)] / 1e6;
    }
}
