package dev.andon.web.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the benches (and the tests that drive a service in a child JVM) sign in, as a plant's people and machines do:
 * bearer tokens for people, machine tokens for gateways.
 */
public final class BenchSignIn {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchSignIn() {
    }

    /** "Bearer …" for a person of the bundled sample plant, with the password generated at its first start. */
    public static String samplePerson(String base, Path dataDir, String user) throws Exception {
        return person(base, user, dev.andon.web.app.FirstStartFiles.samplePasswords(dataDir).getProperty(user));
    }

    /** "Bearer …" for a person with a known password (e.g. the first administrator's ANDON_ADMIN_PASSWORD). */
    public static String person(String base, String user, String password) throws Exception {
        return "Bearer " + post(base + "/api/auth/token", null, Map.of("user", user, "password", password)).get("token");
    }

    /** "Bearer andon_…": a machine token with one scope, made by an administrator. */
    public static String machine(String base, String adminBearer, String name, String scope) throws Exception {
        return "Bearer " + post(base + "/api/tokens", adminBearer, Map.of("name", name, "scopes", List.of(scope))).get("secret");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> post(String url, String bearer, Map<String, Object> body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            req.header("Authorization", bearer);
        }
        HttpResponse<String> r = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readValue(r.body(), Map.class);
    }
}
