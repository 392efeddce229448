package dev.andon.web;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real service in a child JVM runs out of room for its store mid-intake: its file-size limit is lowered to the
 * store's size while it runs ({@code prlimit}, the kernel answers "File too large" as a full disk answers "No space
 * left"). Alerts that cannot be committed get 503 with Retry-After and a JSON body; once the limit is lifted intake
 * resumes; after a restart exactly the alerts answered 202 are stored, each once, and none of the refused ones.
 */
class FullDiskDuringIntakeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void alertsThatCannotBeCommittedAre503AndIntakeResumesWhenThereIsRoomAgain() throws Exception {
        Map<String, String> accepted = new HashMap<>();
        List<String> refused = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ChildAndon andon = ChildAndon.start(data, client);
        Process child = andon.process;
        String base = andon.base;
        try {
            String token = andon.gatewayToken("full disk gateway");
            for (int i = 0; i < 20; i++) {
                assertThat(send(client, base, token, "before-" + i, accepted, refused)).isEqualTo(202);
            }

            long size = Files.size(data.resolve(AndonDatabase.FILE_NAME));
            limitFileSize(child, Long.toString(size));
            HttpResponse<String> full = null;
            for (int i = 0; i < 20_000 && full == null; i++) {
                HttpResponse<String> r = post(client, base, token, "full-" + i);
                if (r.statusCode() == 202) {
                    accepted.put("full-" + i, idOf(r));
                } else {
                    full = r;
                    refused.add("full-" + i);
                }
            }
            assertThat(full).as("the store ran out of room within 20,000 alerts").isNotNull();
            assertThat(full.statusCode()).as(full.body()).isEqualTo(503);
            assertThat(full.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(full.body()).get("error").asText()).isEqualTo("unavailable");
            assertThat(JSON.readTree(full.body()).get("message").asText()).contains("nothing of it was kept");
            for (int i = 0; i < 5; i++) {
                assertThat(send(client, base, token, "still-full-" + i, accepted, refused)).isEqualTo(503);
            }

            limitFileSize(child, "unlimited");
            await().atMost(30, TimeUnit.SECONDS).until(() -> send(client, base, token, "after-" + System.nanoTime(), accepted, refused) == 202);
            for (int i = 0; i < 20; i++) {
                assertThat(send(client, base, token, "after-" + i, accepted, refused)).isEqualTo(202);
            }
        } catch (Throwable t) {
            throw new AssertionError("the service said:\n" + ChildAndon.logTail(data), t);
        } finally {
            child.destroy();
            child.waitFor(60, TimeUnit.SECONDS);
            child.destroyForcibly();
        }

        try (AndonDatabase db = AndonDatabase.open(data)) {
            Map<String, List<AlertRecord>> bySource = new HashMap<>();
            for (AlertRecord r : new AlertStore(db, AndonJson.newMapper()).list(AlertQuery.all())) {
                bySource.computeIfAbsent(r.alert().source(), s -> new ArrayList<>()).add(r);
            }
            accepted.forEach((source, id) -> assertThat(bySource.get(source)).as(source)
                    .singleElement().satisfies(r -> {
                        assertThat(r.id()).isEqualTo(id);
                        assertThat(r.decision()).isNotNull();
                    }));
            refused.forEach(source -> assertThat(bySource).as("refused " + source + " was not kept").doesNotContainKey(source));
        }
    }

    private int send(HttpClient client, String base, String token, String source, Map<String, String> accepted,
                     List<String> refused) throws Exception {
        HttpResponse<String> r = post(client, base, token, source);
        if (r.statusCode() == 202) {
            accepted.put(source, idOf(r));
        } else {
            refused.add(source);
        }
        return r.statusCode();
    }

    private static HttpResponse<String> post(HttpClient client, String base, String token, String source) throws Exception {
        String body = "{\"source\":\"" + source + "\",\"modelVersion\":\"1\",\"line\":\"L1\",\"station\":\"robot-2\","
                + "\"type\":\"tool-wear\",\"severity\":\"medium\",\"confidence\":0.9,\"timestamp\":\"" + Instant.now()
                + "\",\"payload\":{\"note\":\"" + "x".repeat(2_000) + "\"}}";
        return client.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String idOf(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body()).path("alert").path("id").asText();
    }

    /** Sets the child's soft file-size limit (the hard one stays open, so lifting it again needs no privilege). */
    private static void limitFileSize(Process child, String bytes) throws Exception {
        Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(child.pid()), "--fsize=" + bytes + ":")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("prlimit: " + out).isZero();
    }
}
