package dev.andon.web;

import dev.andon.web.app.AndonApplication;
import dev.andon.web.app.FirstStartFiles;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientSession;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the real application on a free port with a data folder of the test's, and the bundled sample plant.
 * The clock is fixed inside the early shift (09:00 in Rome), so who is on shift is known.
 */
final class RunningAndon implements AutoCloseable {
    static final Instant NINE_AM_ROME = Instant.parse("2026-11-25T08:00:00Z");

    static final String ADMIN_PASSWORD = "test-admin-password-0001";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    final AndonApplication app;
    final Path dataDir;

    private RunningAndon(AndonApplication app, Path dataDir) {
        this.app = app;
        this.dataDir = dataDir;
    }

    static RunningAndon start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    static RunningAndon start(Path dataDir, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putIfAbsent("ANDON_HTTP_PORT", "0");
        env.put("ANDON_DATA_DIR", dataDir.toString());
        env.putIfAbsent("ANDON_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new RunningAndon(AndonApplication.start(env, Clock.fixed(NINE_AM_ROME, ZoneOffset.UTC)), dataDir);
    }

    /**
     * A bearer token for a person of the sample plant (anna.rossi, roberta.fontana, …) or {@code admin}, got the way
     * a client gets one: POST /api/auth/token with the sample password the first start generated.
     */
    String tokenFor(String personId) {
        return tokens.computeIfAbsent(personId, id -> postForField("/api/auth/token",
                Map.of("user", id, "password", passwordOf(id)), null, 200, "token"));
    }

    /** The password of a sample person (generated at first start into the data folder) or of the admin. */
    String passwordOf(String personId) {
        if (personId.equals("admin")) {
            return ADMIN_PASSWORD;
        }
        String pw = FirstStartFiles.samplePasswords(dataDir).getProperty(personId);
        if (pw == null) {
            throw new IllegalArgumentException("no sample password for " + personId);
        }
        return pw;
    }

    /** A machine token with these scopes (e.g. alerts:write for a model gateway), created by the admin over HTTP. */
    String machineToken(String name, String... scopes) {
        return postForField("/api/tokens", Map.of("name", name, "scopes", java.util.List.of(scopes)), tokenFor("admin"),
                201, "secret");
    }

    /** POSTs {@code body} as JSON (with a bearer token when given) and returns one text field of the answer. */
    private String postForField(String path, Object body, String bearer, int expectedStatus, String field) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expectedStatus) {
                throw new IllegalStateException("POST " + path + " failed: " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body()).get(field).asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A web client that sends alerts as a model gateway would: a machine token with the alerts:write scope. */
    WebClient gatewayClient(Vertx vertx) {
        return WebClientSession.create(WebClient.create(vertx))
                .addHeader("Authorization", "Bearer " + machineToken("test gateway", "alerts:write"));
    }

    /** A web client whose every request carries {@code personId}'s bearer token. */
    WebClient client(Vertx vertx, String personId) {
        return WebClientSession.create(WebClient.create(vertx)).addHeader("Authorization", "Bearer " + tokenFor(personId));
    }

    /** The sequence number of the newest audit record (0 when there is none), read by the admin over HTTP. */
    long auditHead() {
        java.util.List<com.fasterxml.jackson.databind.JsonNode> newest = auditRecords(1);
        return newest.isEmpty() ? 0 : newest.get(0).get("seq").asLong();
    }

    /**
     * Audit records written after {@code seq} by anyone but Andon's own timers ("actor action", oldest first): a
     * handover drafted when a shift ends may land while a test's request is in flight; it is not that request's doing.
     */
    java.util.List<String> changesSince(long seq) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode rec : auditRecords(200)) {
            if (rec.get("seq").asLong() > seq && !rec.get("actor").asText().startsWith("system:")) {
                out.add(0, rec.get("actor").asText() + " " + rec.get("action").asText());
            }
        }
        return out;
    }

    private java.util.List<com.fasterxml.jackson.databind.JsonNode> auditRecords(int limit) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/audit?limit=" + limit)))
                    .header("Authorization", "Bearer " + tokenFor("admin")).build(), HttpResponse.BodyHandlers.ofString());
            java.util.List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
            JSON.readTree(r.body()).get("records").forEach(out::add);
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return app.port();
    }

    String url(String path) {
        return "http://localhost:" + port() + path;
    }

    @Override
    public void close() {
        app.close();
    }
}
