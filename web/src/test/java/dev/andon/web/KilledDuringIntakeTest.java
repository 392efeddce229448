package dev.andon.web;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.json.AndonJson;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real service in a child JVM takes alerts from several senders and is killed with SIGKILL mid-stream, restarted
 * on the same data folder, and killed again. Every alert that was answered 202 must be there afterwards, once, with
 * its decision. (Cycles: {@code -Dandon.killCycles}, default 10, as the issue asks; each start of the service costs seconds here.)
 */
class KilledDuringIntakeTest {
    private static final int SENDERS = 4;

    @TempDir
    Path data;

    @Test
    void everyAlertAnswered202SurvivesAKillAndIsStoredOnce() throws Exception {
        int cycles = Integer.getInteger("andon.killCycles", 10);
        Map<String, String> answered = new ConcurrentHashMap<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        for (int cycle = 0; cycle < cycles; cycle++) {
            try {
                runAndKill(cycle, client, answered);
            } catch (Throwable t) {
                throw new AssertionError("cycle " + cycle + " failed; the service said:\n" + tail(data.resolve("child.log")), t);
            }
        }
        verifyStore(answered);
    }

    private void runAndKill(int cycle, HttpClient client, Map<String, String> answered) throws Exception {
        int port = freePort();
        Process child = start(port);
        try {
            String base = "http://127.0.0.1:" + port;
            await().atMost(180, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            String token = signIn(client, base);
            AtomicBoolean sending = new AtomicBoolean(true);
            List<Thread> senders = new ArrayList<>();
            int c = cycle;
            for (int t = 0; t < SENDERS; t++) {
                int sender = t;
                Thread th = new Thread(() -> send(client, base, token, c, sender, sending, answered));
                th.start();
                senders.add(th);
            }
            int before = answered.size();
            await().atMost(120, TimeUnit.SECONDS).until(() -> answered.size() >= before + 100);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            sending.set(false);
            for (Thread th : senders) {
                th.join();
            }
        } finally {
            child.destroyForcibly();
        }
    }

    private static String tail(Path log) throws IOException {
        if (!java.nio.file.Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = java.nio.file.Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private void verifyStore(Map<String, String> answered) {
        try (AndonDatabase db = AndonDatabase.open(data)) {
            AlertStore store = new AlertStore(db, AndonJson.newMapper());
            Map<String, List<String>> bySource = new HashMap<>();
            for (AlertRecord r : store.list(AlertQuery.all())) {
                bySource.computeIfAbsent(r.alert().source(), s -> new ArrayList<>()).add(r.id());
                assertThat(r.decision()).as("alert %s has its decision", r.id()).isNotNull();
            }
            assertThat(answered).isNotEmpty();
            answered.forEach((source, id) -> assertThat(bySource.get(source)).as(source).containsExactly(id));
            bySource.forEach((source, ids) -> assertThat(ids).as("stored once: " + source).hasSize(1));
        }
    }

    /**
     * A model gateway's machine token (alerts:write), made by the first administrator (whose password comes from the
     * environment at first start): senders raise alerts the way a gateway does.
     */
    private String signIn(HttpClient client, String base) throws Exception {
        String pw = "test-admin-password-0001";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"admin\",\"password\":\"" + pw + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String admin = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("token").asText();
        HttpResponse<String> t = client.send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"kill test gateway\",\"scopes\":[\"alerts:write\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(t.statusCode()).as(t.body()).isEqualTo(201);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(t.body()).get("secret").asText();
    }

    private void send(HttpClient client, String base, String token, int cycle, int sender, AtomicBoolean sending, Map<String, String> answered) {
        for (int n = 0; sending.get(); n++) {
            String source = "kill-" + cycle + "-" + sender + "-" + n;
            String body = "{\"source\":\"" + source + "\",\"modelVersion\":\"1\",\"line\":\"L1\",\"station\":\"robot-2\","
                    + "\"type\":\"tool-wear\",\"severity\":\"medium\",\"confidence\":0.9,\"timestamp\":\"" + Instant.now() + "\"}";
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 202) {
                    String id = r.body().replaceAll("(?s)^.*?\"alert\":\\{\"id\":\"(\\d+)\".*$", "$1");
                    answered.put(source, id);
                }
            } catch (IOException e) {
                return; // the service is gone: what it answered is what counts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Process start(int port) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.andon.web.Main")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("child.log").toFile()));
        pb.environment().put("ANDON_HTTP_PORT", Integer.toString(port));
        pb.environment().put("ANDON_DATA_DIR", data.toString());
        pb.environment().put("ANDON_ADMIN_PASSWORD", "test-admin-password-0001");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
