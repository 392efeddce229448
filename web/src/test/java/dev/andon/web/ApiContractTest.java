package dev.andon.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.identity.Principal;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import dev.andon.web.auth.ApiOperation;
import dev.andon.web.auth.ApiOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract at /openapi.json is the one the server enforces: every operation that takes a body publishes its
 * schema, and every one of them refuses a body that does not fit in the same way — 400, {@code invalid-input}, each
 * problem naming its field — before anything is read or written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractTest {
    @TempDir
    static Path dataDir;
    static RunningAndon andon;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start() {
        andon = RunningAndon.start(dataDir);
    }

    @AfterAll
    void stop() {
        andon.close();
    }

    @Test
    void everyOperationThatTakesABodyPublishesItsSchema() throws Exception {
        JsonNode paths = json.readTree(call(null, "GET", "/openapi.json", null).body()).get("paths");
        List<String> undescribed = new ArrayList<>();
        int described = 0;
        for (ApiOperation op : ApiOperations.all()) {
            JsonNode published = paths.path(op.openApiPath()).path(op.method().name().toLowerCase());
            assertThat(published.isMissingNode()).as(op.method() + " " + op.path()).isFalse();
            if (op.body() == null) {
                assertThat(published.has("requestBody")).as(op.method() + " " + op.path()).isFalse();
                continue;
            }
            JsonNode content = published.path("requestBody").path("content");
            if (content.path("application/json").path("schema").isObject()
                    || content.path("multipart/form-data").path("schema").isObject()) {
                described++;
            } else {
                undescribed.add(op.method() + " " + op.path());
            }
        }
        assertThat(undescribed).isEmpty();
        assertThat(described).isGreaterThan(30);
        // the plant's own vocabulary is part of the contract a model gateway reads
        JsonNode alert = paths.path("/api/alerts").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("properties");
        assertThat(alert.path("line").path("enum").toString()).contains("L1", "L2");
        assertThat(alert.path("station").path("enum").toString()).contains("press-3");
    }

    /**
     * Walks the operation table, so an operation added later is covered without touching this test: each JSON body
     * operation, called by someone allowed to call it, answers a body of the wrong shape with the same 400, and
     * nothing is written.
     */
    @Test
    void everyJsonBodyIsRefusedTheSameWayWhenItDoesNotFit() throws Exception {
        Plant plant = new PlantLoader().load(dataDir.resolve("sample-plant/plant.yaml"));
        PlantPeople people = new PlantPeople(plant);
        PermissionPolicy policy = PermissionPolicy.bundled();
        Map<String, Principal> callers = new LinkedHashMap<>();
        plant.people().forEach(p -> callers.put(p.id(), people.principalOf(p.id()).orElseThrow()));
        callers.put("admin", new Principal("admin", "admin", Principal.Kind.PERSON, Set.of(Principal.ADMIN_ROLE),
                Set.of(), true, Set.of()));
        for (String scope : policy.scopes()) { // a machine token per scope: some operations are for machines only
            callers.put("machine:" + scope, new Principal("token:" + scope, scope, Principal.Kind.MACHINE, Set.of(),
                    Set.of(), true, Set.of(scope)));
        }
        Map<String, String> bearers = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (ApiOperation op : ApiOperations.all(plant)) {
            if (op.body() == null || op.body().jsonSchema() == null || op.open()) {
                continue;
            }
            Optional<Map.Entry<String, String>> who = callerFor(op, callers, policy, plant);
            if (who.isEmpty()) {
                wrong.add(op.method() + " " + op.path() + ": nobody of the sample plant may call it");
                continue;
            }
            String path = op.lineParam() == null ? op.path()
                    : op.path().replace(":" + op.lineParam(), who.get().getValue());
            path = path.replaceAll(":[A-Za-z]+", "x");
            String caller = who.get().getKey();
            // signing in (or creating the machine token) is written to the audit trail: done before counting
            String bearer = bearers.computeIfAbsent(caller, c -> c.startsWith("machine:")
                    ? andon.machineToken("contract " + c, c.substring("machine:".length())) : andon.tokenFor(c));
            long before = andon.auditHead();
            HttpResponse<String> r = call(null, op.method().name(), path, "[\"not\", \"an\", \"object\"]",
                    "Authorization", "Bearer " + bearer);
            checked++;
            JsonNode body = r.statusCode() == 400 ? json.readTree(r.body()) : null;
            if (body == null || !"invalid-input".equals(body.path("error").asText())
                    || !"(body)".equals(body.path("problems").path(0).path("field").asText())) {
                wrong.add(op.method() + " " + path + " as " + who.get().getKey() + " → " + r.statusCode() + " " + r.body());
            }
            if (!andon.changesSince(before).isEmpty()) {
                wrong.add(op.method() + " " + path + " wrote " + andon.changesSince(before));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isGreaterThan(25);
    }

    @Test
    void aMisspelledFieldIsNamedWithTheFieldsTheRequestTakes() throws Exception {
        HttpResponse<String> r = call("paolo.greco", "POST", "/api/alerts/any/transitions",
                "{\"to\":\"acknowledged\",\"ntoe\":\"on it\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(r.body()).path("problems").path(0);
        assertThat(problem.path("field").asText()).isEqualTo("ntoe");
        assertThat(problem.path("message").asText()).contains("not a field", "note", "to");
    }

    @Test
    void wrongTypesAndMissingFieldsAreNamedWhereTheyAreEvenInsideLists() throws Exception {
        HttpResponse<String> r = call("paolo.greco", "POST", "/api/lines/L1/events",
                "{\"events\":[{\"key\":\"k1\",\"station\":\"robot-2\",\"good\":12},{\"station\":\"robot-2\",\"good\":\"twelve\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        Map<String, String> problems = problems(r);
        assertThat(problems).containsEntry("events[1].key", "is required");
        assertThat(problems.get("events[1].good")).isEqualTo("must be a whole number (or null); got a string");
        assertThat(problems).doesNotContainKey("events[0].good");

        HttpResponse<String> alert = call(null, "POST", "/api/alerts", "{}", "Authorization",
                "Bearer " + andon.machineToken("contract gateway", "alerts:write"));
        assertThat(alert.statusCode()).isEqualTo(400);
        assertThat(problems(alert).keySet()).contains("source", "line", "station", "type", "severity", "confidence",
                "timestamp");
    }

    @Test
    void aValueOutsideItsRangeSaysTheRangeAndWhatWasSent() throws Exception {
        HttpResponse<String> r = call(null, "POST", "/api/alerts", "{\"source\":\"vib\",\"line\":\"L2\",\"station\":\"press-3\","
                        + "\"type\":\"vibration-anomaly\",\"severity\":\"urgent\",\"confidence\":1.5,\"timestamp\":\"2026-11-25T07:58:00Z\"}",
                "Authorization", "Bearer " + andon.machineToken("range gateway", "alerts:write"));
        assertThat(r.statusCode()).isEqualTo(400);
        Map<String, String> problems = problems(r);
        assertThat(problems.get("severity")).isEqualTo("must be one of low, medium, high, critical; got 'urgent'");
        assertThat(problems.get("confidence")).isEqualTo("must be at most 1; got 1.5");
    }

    @Test
    void anOptionalBodyMayBeLeftOutButAGivenOneMustFit() throws Exception {
        HttpResponse<String> wrong = call("paolo.greco", "POST", "/api/handovers/none/accept", "{\"note\": 7}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(problems(wrong)).containsEntry("note", "must be a string (or null); got a number");
        HttpResponse<String> empty = call("paolo.greco", "POST", "/api/handovers/none/accept", null);
        assertThat(empty.statusCode()).as("the body is optional: the handover itself is what is missing").isEqualTo(404);
        HttpResponse<String> required = call("paolo.greco", "POST", "/api/handovers/none/send-back", null);
        assertThat(problems(required)).containsEntry("(body)", "a JSON body is required");
    }

    @Test
    void anOptionalFieldMaySayNullAsTheChatPageSendsIt() throws Exception {
        HttpResponse<String> r = call("marco.ferri", "POST", "/api/chat",
                "{\"message\":\"status of L2\",\"line\":null,\"conversationId\":null}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private Optional<Map.Entry<String, String>> callerFor(ApiOperation op, Map<String, Principal> callers,
                                                          PermissionPolicy policy, Plant plant) {
        for (var caller : callers.entrySet()) {
            for (var line : plant.lines()) {
                if (op.action() == null || policy.allows(caller.getValue(), op.action(), line.id())) {
                    return Optional.of(Map.entry(caller.getKey(), line.id()));
                }
            }
        }
        return Optional.empty();
    }

    private Map<String, String> problems(HttpResponse<String> r) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        json.readTree(r.body()).path("problems").forEach(p -> out.put(p.path("field").asText(), p.path("message").asText()));
        return out;
    }

    private HttpResponse<String> call(String person, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(andon.url(path)));
        if (person != null) {
            b.header("Authorization", "Bearer " + andon.tokenFor(person));
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
