package dev.andon.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.web.auth.ApiOperation;
import dev.andon.web.auth.ApiOperations;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller × own line / other line: anonymous gets 401, a caller without the permission
 * 403 with nothing changed, a caller with it gets past the door (whatever the request then earns: 2xx, 400, 404, 409).
 * The expectations are written here from the product's rules, not read from the policy file, so a careless edit of
 * the policy fails this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest {
    @TempDir
    static Path dataDir;
    RunningAndon andon;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();
    final Map<String, String> bearer = new LinkedHashMap<>();
    String alertL1;
    String alertL2;

    // Callers. Early shift (the test clock is 09:00 in Rome): sara.neri operates L1, anna.rossi L2, paolo.greco leads
    // L1 (and is not on call), marco.ferri maintains both lines, giulia.conti inspects both.
    static final String ANON = "anonymous", OP_L1 = "sara.neri", OP_L2 = "anna.rossi", TL_L1 = "paolo.greco",
            MAINT = "marco.ferri", QUAL = "giulia.conti", TRAINER = "alessio.barbieri", OWNER = "roberta.fontana",
            ADMIN = "admin", GATEWAY = "token:alerts:write", SCRAPER = "token:metrics:read";
    static final List<String> CALLERS = List.of(ANON, OP_L1, OP_L2, TL_L1, MAINT, QUAL, TRAINER, OWNER, ADMIN, GATEWAY, SCRAPER);
    static final Set<String> PEOPLE = Set.of(OP_L1, OP_L2, TL_L1, MAINT, QUAL, TRAINER, OWNER, ADMIN);
    static final Set<String> PLANT_PEOPLE = Set.of(OP_L1, OP_L2, TL_L1, MAINT, QUAL, TRAINER, OWNER);

    @BeforeAll
    void start() throws Exception {
        andon = RunningAndon.start(dataDir);
        for (String c : CALLERS) {
            if (c.equals(GATEWAY)) {
                bearer.put(c, andon.machineToken("matrix gateway", "alerts:write"));
            } else if (c.equals(SCRAPER)) {
                bearer.put(c, andon.machineToken("matrix scraper", "metrics:read"));
            } else if (!c.equals(ANON)) {
                bearer.put(c, andon.tokenFor(c));
            }
        }
        alertL1 = raise("L1", "robot-2", "tool-wear");
        alertL2 = raise("L2", "press-3", "vibration-anomaly");
    }

    @AfterAll
    void stop() {
        andon.close();
    }

    /** One request of the matrix and the callers that must get past the door. */
    record Cell(HttpMethod method, String path, String body, Set<String> allowed) {
    }

    List<Cell> cells() {
        Set<String> signedIn = union(PEOPLE, Set.of());
        Set<String> plantPeople = PLANT_PEOPLE;
        String alertBody = "{\"source\":\"m\",\"line\":\"%s\",\"station\":\"%s\",\"type\":\"tool-wear\",\"severity\":\"low\","
                + "\"confidence\":0.9,\"timestamp\":\"2026-11-25T07:59:00Z\"}";
        String silence = "{\"line\":\"%s\",\"station\":\"%s\",\"type\":\"vision-defect\",\"endsAt\":\"2026-11-25T09:00:00Z\","
                + "\"reason\":\"matrix\"}";
        List<Cell> c = new ArrayList<>();
        // read side: every signed-in person; the alerts-reading token too where it applies
        c.add(new Cell(HttpMethod.GET, "/api/plant", null, signedIn));
        c.add(new Cell(HttpMethod.GET, "/api/alerts", null, signedIn));
        c.add(new Cell(HttpMethod.GET, "/api/alerts/" + alertL1, null, signedIn));
        c.add(new Cell(HttpMethod.GET, "/api/lines/L1/status", null, signedIn));
        c.add(new Cell(HttpMethod.GET, "/api/events", null, signedIn));
        c.add(new Cell(HttpMethod.GET, "/api/knowledge/search?q=press", null, signedIn));
        c.add(new Cell(HttpMethod.GET, "/api/rulesets", null, signedIn));
        c.add(new Cell(HttpMethod.GET, "/api/incidents", null, signedIn));
        // alerts in: team leaders on their own line, the gateway token anywhere
        c.add(new Cell(HttpMethod.POST, "/api/alerts", alertBody.formatted("L1", "robot-2"), Set.of(TL_L1, GATEWAY)));
        c.add(new Cell(HttpMethod.POST, "/api/alerts", alertBody.formatted("L2", "press-3"), Set.of(GATEWAY)));
        c.add(new Cell(HttpMethod.POST, "/api/heartbeats", "{}", Set.of(GATEWAY)));
        // lifecycle: operators, leaders, maintenance, quality on their own lines (the move itself is illegal: 409)
        c.add(new Cell(HttpMethod.POST, "/api/alerts/" + alertL1 + "/transitions", "{\"to\":\"assigned\"}",
                Set.of(OP_L1, TL_L1, MAINT, QUAL)));
        c.add(new Cell(HttpMethod.POST, "/api/alerts/" + alertL2 + "/transitions", "{\"to\":\"assigned\"}",
                Set.of(OP_L2, MAINT, QUAL)));
        c.add(new Cell(HttpMethod.POST, "/api/lines/L1/stations/robot-2/status", "{}", Set.of(OP_L1, TL_L1, MAINT)));
        c.add(new Cell(HttpMethod.POST, "/api/lines/L2/stations/press-3/status", "{}", Set.of(OP_L2, MAINT)));
        c.add(new Cell(HttpMethod.POST, "/api/silences", silence.formatted("L1", "vision-4"), Set.of(TL_L1, MAINT, OWNER)));
        c.add(new Cell(HttpMethod.POST, "/api/silences", silence.formatted("L2", "vision-5"), Set.of(MAINT, OWNER)));
        // governance: process owners (rulesets, documents, audit); admins (users, tokens, audit, activation)
        c.add(new Cell(HttpMethod.POST, "/api/rulesets", "{}", Set.of(OWNER)));
        c.add(new Cell(HttpMethod.POST, "/api/rulesets/no-such-version/approve", "{}", Set.of(OWNER)));
        c.add(new Cell(HttpMethod.POST, "/api/rulesets/no-such-version/activate", "{}", Set.of(OWNER, ADMIN)));
        c.add(new Cell(HttpMethod.POST, "/api/rulesets/no-such-version/backtest", "{}", Set.of(OWNER)));
        c.add(new Cell(HttpMethod.DELETE, "/api/knowledge/documents/NO-SUCH-DOC", null, Set.of(OWNER)));
        c.add(new Cell(HttpMethod.POST, "/api/knowledge/documents", "{}", Set.of(OWNER)));
        c.add(new Cell(HttpMethod.POST, "/api/replay", "{}", Set.of(OWNER, ADMIN)));
        c.add(new Cell(HttpMethod.GET, "/api/replay/no-such-job", null, Set.of(OWNER, ADMIN)));
        // connectors: health for anyone signed in; switching and dead letters for admins; alert webhooks for raisers
        c.add(new Cell(HttpMethod.GET, "/api/connectors", null, union(signedIn, Set.of(GATEWAY, SCRAPER))));
        c.add(new Cell(HttpMethod.GET, "/api/connectors/dead-letters", null, Set.of(ADMIN)));
        c.add(new Cell(HttpMethod.POST, "/api/connectors/no-such-connector/enable", "{}", Set.of(ADMIN)));
        c.add(new Cell(HttpMethod.POST, "/api/connectors/no-such-connector/disable", "{}", Set.of(ADMIN)));
        c.add(new Cell(HttpMethod.POST, "/api/connectors/alertmanager", "{}", Set.of(TL_L1, GATEWAY)));
        c.add(new Cell(HttpMethod.POST, "/api/connectors/webhooks/no-such-hook", "{}", Set.of(TL_L1, GATEWAY)));
        c.add(new Cell(HttpMethod.GET, "/api/audit", null, Set.of(OWNER, ADMIN)));
        c.add(new Cell(HttpMethod.GET, "/api/audit/verify", null, Set.of(OWNER, ADMIN)));
        c.add(new Cell(HttpMethod.GET, "/api/users", null, Set.of(ADMIN)));
        c.add(new Cell(HttpMethod.POST, "/api/users/nobody/one-time-password", "{}", Set.of(ADMIN)));
        c.add(new Cell(HttpMethod.GET, "/api/tokens", null, Set.of(ADMIN)));
        c.add(new Cell(HttpMethod.POST, "/api/tokens", "{}", Set.of(ADMIN)));
        c.add(new Cell(HttpMethod.POST, "/api/tokens/nope/revoke", "{}", Set.of(ADMIN)));
        // the assistant: every plant person (the admin account holds no plant role, so its request is invalid: 400)
        c.add(new Cell(HttpMethod.POST, "/api/chat", "{\"message\":\"status of L1\"}", signedIn));
        c.add(new Cell(HttpMethod.GET, "/api/chat/conversations", null, signedIn));
        c.add(new Cell(HttpMethod.GET, "/api/auth/me", null, union(signedIn, Set.of(GATEWAY, SCRAPER))));
        assertThat(plantPeople).isNotEmpty();
        return c;
    }

    @Test
    void everyCellIsRefusedOrLetThroughAsTheRulesSay() throws Exception {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Cell cell : cells()) {
            for (String caller : CALLERS) {
                long auditBefore = auditCount();
                int status = send(caller, cell);
                cells++;
                boolean allowed = cell.allowed().contains(caller);
                String where = cell.method() + " " + cell.path() + " as " + caller + " → " + status;
                if (caller.equals(ANON)) {
                    if (status != 401) {
                        wrong.add(where + " (expected 401)");
                    }
                } else if (allowed && (status == 401 || status == 403)) {
                    wrong.add(where + " (expected to be let through)");
                } else if (!allowed && status != 403) {
                    wrong.add(where + " (expected 403)");
                }
                if (!allowed && !changesSince(auditBefore).isEmpty()) {
                    wrong.add(where + " changed something although refused: " + changesSince(auditBefore));
                }
            }
        }
        assertThat(cells).isGreaterThan(300);
        assertThat(wrong).as("cells that break the rules").isEmpty();
    }

    /**
     * Every operation of the API, not a sample: each caller whose roles or scopes grant the operation's action on no
     * line at all is refused with 403 by it, and nothing is written in that caller's name. (Line-bound grants are
     * walked cell by cell above.)
     */
    @Test
    void everyListedOperationRefusesWhoeverMayNotDoItAnywhere() throws Exception {
        var policy = dev.andon.core.identity.PermissionPolicy.bundled();
        var people = new dev.andon.core.identity.PlantPeople(new dev.andon.core.plant.PlantLoader()
                .load(dataDir.resolve("sample-plant/plant.yaml")));
        Map<String, dev.andon.core.identity.Principal> callers = new LinkedHashMap<>();
        for (String person : List.of(OP_L1, OP_L2, TL_L1, MAINT, QUAL, TRAINER, OWNER)) {
            callers.put(person, people.principalOf(person).orElseThrow());
        }
        callers.put(GATEWAY, machine("alerts:write"));
        callers.put(SCRAPER, machine("metrics:read"));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (ApiOperation op : ApiOperations.all()) {
            if (op.action() == null) {
                continue;
            }
            String path = op.path().replaceAll(":[A-Za-z]+", "x");
            for (var caller : callers.entrySet()) {
                if (policy.allows(caller.getValue(), op.action(), null)) {
                    continue;
                }
                long before = auditCount();
                int status = send(caller.getKey(), new Cell(op.method(), path, op.method() == HttpMethod.GET ? null : "{}", Set.of()));
                checked++;
                if (status != 403) {
                    wrong.add(op.method() + " " + path + " as " + caller.getKey() + " → " + status + " (expected 403)");
                }
                if (!changesSince(before).isEmpty()) {
                    wrong.add(op.method() + " " + path + " as " + caller.getKey() + " changed " + changesSince(before));
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
        assertThat(wrong).as("operations that let through someone who may not").isEmpty();
    }

    private static dev.andon.core.identity.Principal machine(String scope) {
        return new dev.andon.core.identity.Principal("token:" + scope, scope, dev.andon.core.identity.Principal.Kind.MACHINE,
                Set.of(), Set.of(), true, Set.of(scope));
    }

    @Test
    void everyListedOperationIsClosedToAnonymousCallersExceptSignIn() throws Exception {
        for (ApiOperation op : ApiOperations.all()) {
            String path = op.path().replaceAll(":[A-Za-z]+", "x");
            int status = send(ANON, new Cell(op.method(), path, op.method() == HttpMethod.GET ? null : "{}", Set.of()));
            if (op.open()) {
                assertThat(status).as(op.method() + " " + path).isNotEqualTo(403);
            } else {
                assertThat(status).as(op.method() + " " + path).isEqualTo(401);
            }
        }
    }

    /**
     * Audit records written since {@code seq} by anyone but Andon's own timers (a handover drafted when a shift ends
     * may land while a refused request is in flight; it is not that request's doing).
     */
    private List<String> changesSince(long seq) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(andon.url("/api/audit?limit=50")))
                .header("Authorization", "Bearer " + bearer.get(ADMIN)).build(), HttpResponse.BodyHandlers.ofString());
        List<String> out = new ArrayList<>();
        for (JsonNode rec : json.readTree(r.body()).get("records")) {
            if (rec.get("seq").asLong() > seq && !rec.get("actor").asText().startsWith("system:")) {
                out.add(rec.get("actor").asText() + " " + rec.get("action").asText());
            }
        }
        return out;
    }

    private long auditCount() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(andon.url("/api/audit?limit=1")))
                .header("Authorization", "Bearer " + bearer.get(ADMIN)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode records = json.readTree(r.body()).get("records");
        return records.isEmpty() ? 0 : records.get(0).get("seq").asLong();
    }

    private int send(String caller, Cell cell) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(andon.url(cell.path()))).timeout(Duration.ofSeconds(30));
        if (bearer.containsKey(caller)) {
            b.header("Authorization", "Bearer " + bearer.get(caller));
        }
        if (cell.body() != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(cell.method().name(), cell.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(cell.body()));
        // Streams (server-sent events) answer with headers and stay open: read the status and hang up.
        HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (!String.valueOf(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream")) {
                in.readAllBytes();
            }
        }
        return r.statusCode();
    }

    private String raise(String line, String station, String type) throws Exception {
        String body = "{\"source\":\"matrix\",\"line\":\"" + line + "\",\"station\":\"" + station + "\",\"type\":\"" + type
                + "\",\"severity\":\"high\",\"confidence\":0.9,\"timestamp\":\"2026-11-25T07:58:00Z\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(andon.url("/api/alerts")))
                .header("Authorization", "Bearer " + bearer.get(GATEWAY)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body()).get("alert").get("id").asText();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> s = new java.util.TreeSet<>(a);
        s.addAll(b);
        return s;
    }
}
