package dev.andon.web;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.json.AndonJson;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
                throw new AssertionError("cycle " + cycle + " failed; the service said:\n" + ChildAndon.logTail(data), t);
            }
        }
        verifyStore(answered);
    }

    private void runAndKill(int cycle, HttpClient client, Map<String, String> answered) throws Exception {
        ChildAndon andon = ChildAndon.start(data, client);
        Process child = andon.process;
        try {
            String base = andon.base;
            String token = andon.gatewayToken("kill test gateway");
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

}
