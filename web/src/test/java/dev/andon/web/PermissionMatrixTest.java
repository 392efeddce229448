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
                long auditBefore = andon.auditHead();
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
                if (!allowed && !andon.changesSince(auditBefore).isEmpty()) {
                    wrong.add(where + " changed something although refused: " + andon.changesSince(auditBefore));
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
                long before = andon.auditHead();
                int status = send(caller.getKey(), new Cell(op.method(), path, op.method() == HttpMethod.GET ? null : "{}", Set.of()));
                checked++;
                if (status != 403) {
                    wrong.add(op.method() + " " + path + " as " + caller.getKey() + " → " + status + " (expected 403)");
                }
                if (!andon.changesSince(before).isEmpty()) {
                    wrong.add(op.method() + " " + path + " as " + caller.getKey() + " changed " + andon.changesSince(before));
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
        assertThat(wrong).as("operations that let through someone who may not").isEmpty();
    }

    /**
     * Who holds each line-scoped action on one line only (their own) and not on the other: the caller the derived
     * line test acts as. Checked against the policy before use, so a change of the policy that breaks a row fails.
     */
    record Holder(String caller, String own, String other) {
    }

    static final String READER_L1 = "token:alerts:read@L1";

    /** Where the step belongs to someone else than the action's holder: accepting is the incoming (late) leader's. */
    static final Map<String, Holder> OPERATION_HOLDERS = Map.of(
            "POST /api/handovers/:key/accept", new Holder("ivana.lombardi", "L1", "L2"),
            "POST /api/handovers/:key/send-back", new Holder("ivana.lombardi", "L1", "L2"));

    static Map<dev.andon.core.identity.Action, Holder> lineHolders() {
        var a = new java.util.EnumMap<dev.andon.core.identity.Action, Holder>(dev.andon.core.identity.Action.class);
        a.put(dev.andon.core.identity.Action.ALERTS_READ, new Holder(READER_L1, "L1", "L2"));
        a.put(dev.andon.core.identity.Action.ALERTS_RAISE, new Holder(TL_L1, "L1", "L2"));
        a.put(dev.andon.core.identity.Action.ALERTS_TRANSITION, new Holder(OP_L1, "L1", "L2"));
        a.put(dev.andon.core.identity.Action.STATIONS_WRITE, new Holder(OP_L1, "L1", "L2"));
        a.put(dev.andon.core.identity.Action.LINE_EVENTS_WRITE, new Holder(OP_L1, "L1", "L2"));
        a.put(dev.andon.core.identity.Action.SILENCES_MANAGE, new Holder(TL_L1, "L1", "L2"));
        a.put(dev.andon.core.identity.Action.HANDOVER_SIGN, new Holder(TL_L1, "L1", "L2"));
        a.put(dev.andon.core.identity.Action.ROSTER_MANAGE, new Holder(TL_L1, "L1", "L2"));
        return a;
    }

    /** Line-scoped actions nobody holds on one line only, and why (so they cannot be walked per line here). */
    static final Map<dev.andon.core.identity.Action, String> NO_LINE_BOUND_HOLDER = Map.of(
            dev.andon.core.identity.Action.HANDOVER_READ,
            "every signed-in person reads every line's handover (policy: everyone, any line) and no token scope grants it",
            // The sample plant's trainers work on every line: luca.bianchi is on call, alessio.barbieri on no roster.
            // So their per-line refusal is not walked here; lineTargets keeps the way to aim these operations for when
            // the fixture has a line-bound trainer.
            dev.andon.core.identity.Action.TRAINING_MANAGE, "no trainer of the sample plant is bound to one line",
            dev.andon.core.identity.Action.SKILLS_MANAGE, "no trainer of the sample plant is bound to one line");

    /** A request of one operation aimed at an object on {@code line}. */
    record Target(String path, String body) {
    }

    /**
     * How to aim each line-scoped operation at line X: by the kind of object its path (or body) names — a line id, an
     * alert, a silence, an incident, a handover's shift, a training path, a skill needed on that line. The fixture
     * made one object of each kind on each line. An operation missing here (and from {@link #NOT_PER_LINE}) fails the
     * test, so a new operation cannot slip by.
     */
    Map<String, java.util.function.Function<String, Target>> lineTargets() {
        String alertBody = "{\"source\":\"per-line\",\"line\":\"%s\",\"station\":\"%s\",\"type\":\"temperature-drift\","
                + "\"severity\":\"low\",\"confidence\":0.9,\"timestamp\":\"2026-11-25T07:59:00Z\"}";
        Map<String, java.util.function.Function<String, Target>> t = new LinkedHashMap<>();
        // a line id in the path
        t.put("GET /api/lines/:id/status", l -> new Target("/api/lines/" + l + "/status", null));
        t.put("POST /api/lines/:id/stations/:station/status", l -> new Target("/api/lines/" + l + "/stations/"
                + station(l) + "/status", "{\"state\":\"running\"}"));
        t.put("POST /api/lines/:id/events", l -> new Target("/api/lines/" + l + "/events", "{\"events\":[]}"));
        t.put("PUT /api/training/paths/:role/:line", l -> new Target("/api/training/paths/operator/" + l, "{}"));
        // an alert on the line
        t.put("GET /api/alerts/:id", l -> new Target("/api/alerts/" + alertOn(l), null));
        t.put("GET /api/alerts/:id/escalations", l -> new Target("/api/alerts/" + alertOn(l) + "/escalations", null));
        t.put("GET /api/alerts/:id/recurrence", l -> new Target("/api/alerts/" + alertOn(l) + "/recurrence", null));
        t.put("GET /api/alerts/:id/resolution", l -> new Target("/api/alerts/" + alertOn(l) + "/resolution", null));
        t.put("POST /api/alerts/:id/transitions", l -> new Target("/api/alerts/" + alertOn(l) + "/transitions",
                "{\"to\":\"assigned\"}"));
        // the line named in the body
        t.put("POST /api/alerts", l -> new Target("/api/alerts", alertBody.formatted(l, station(l))));
        t.put("POST /api/silences", l -> new Target("/api/silences", "{\"line\":\"" + l + "\",\"station\":\"" + station(l)
                + "\",\"endsAt\":\"2026-11-25T09:30:00Z\",\"reason\":\"per line\"}"));
        t.put("POST /api/connectors/alertmanager", l -> new Target("/api/connectors/alertmanager",
                "{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"line\":\"" + l + "\",\"station\":\""
                        + station(l) + "\",\"alertname\":\"temperature-drift\",\"severity\":\"low\"}}]}"));
        t.put("POST /api/roster/swaps", l -> new Target("/api/roster/swaps", "{\"shift\":\"" + l + ".2026-11-25.night\","
                + "\"role\":\"operator\",\"out\":\"nobody.here\",\"in\":\"nobody.else\",\"reason\":\"per line\"}"));
        t.put("POST /api/training/people/:person/observed", l -> new Target("/api/training/people/tomas.novak/observed",
                "{\"role\":\"operator\",\"line\":\"" + l + "\",\"item\":\"no-such-item\"}"));
        t.put("POST /api/training/people/:person/sign-off", l -> new Target("/api/training/people/tomas.novak/sign-off",
                "{\"role\":\"operator\",\"line\":\"" + l + "\",\"module\":\"no-such-module\"}"));
        // a silence, an incident, a handover (its key names the line's shift)
        t.put("POST /api/silences/:id/expire", l -> new Target("/api/silences/" + silences.get(l) + "/expire", "{}"));
        t.put("POST /api/incidents/:id/resolve", l -> new Target("/api/incidents/" + incidents.get(l) + "/resolve", "{}"));
        Map<String, String> stepBodies = Map.of("sign", "{}", "accept", "{\"note\":\"per line?\"}",
                "send-back", "{\"question\":\"per line?\"}");
        stepBodies.forEach((step, body) -> t.put("POST /api/handovers/:key/" + step,
                l -> new Target("/api/handovers/" + l + ".2026-11-25.early/" + step, body)));
        t.put("PATCH /api/handovers/:key", l -> new Target("/api/handovers/" + l + ".2026-11-25.early", "{}"));
        // a skill needed on the line (its station)
        t.put("PUT /api/skills/matrix/:person/:skill", l -> new Target("/api/skills/matrix/tomas.novak/" + station(l),
                "{\"level\":\"qualified\"}"));
        t.put("DELETE /api/skills/matrix/:person/:skill", l -> new Target("/api/skills/matrix/tomas.novak/" + station(l), null));
        return t;
    }

    /** Line-scoped operations that name no one line, and why they are not walked per line. */
    static final Map<String, String> NOT_PER_LINE = Map.ofEntries(
            Map.entry("GET /api/alerts", "a list over lines: nothing to refuse per line"),
            Map.entry("POST /api/connectors/alertmanager", "a batch: an alert of another line is rejected in the 200 "
                    + "report (rejected[], nothing raised), not with a 403 for the whole batch"),
            Map.entry("GET /api/silences", "a list over lines"),
            Map.entry("GET /api/silences/:id", "reads one silence; alerts:read is every person's on every line"),
            Map.entry("GET /api/heartbeats", "models of every line, a list"),
            Map.entry("POST /api/connectors/webhooks/:name", "the sample plant configures no webhook; its line check is "
                    + "ConnectorsApiTest's"),
            Map.entry("GET /api/training/people/:person", "a person's progress over all their paths, not one line's"),
            Map.entry("GET /api/training/dashboard", "a dashboard over the lines the trainer may manage (?line= filters)"),
            Map.entry("POST /api/training/quiz-drafts", "quiz drafts are about a document section, not a line"),
            Map.entry("GET /api/training/quiz-drafts", "quiz drafts are about a document section, not a line"),
            Map.entry("POST /api/training/quiz-drafts/:id/approve", "quiz drafts are about a document section, not a line"),
            Map.entry("POST /api/training/quiz-drafts/:id/reject", "quiz drafts are about a document section, not a line"));

    final Map<String, String> silences = new LinkedHashMap<>();
    final Map<String, String> incidents = new LinkedHashMap<>();

    private String alertOn(String line) {
        return line.equals("L1") ? alertL1 : alertL2;
    }

    private static String station(String line) {
        return line.equals("L1") ? "robot-2" : "press-3";
    }

    /**
     * Every line-scoped operation, derived from the operations table: a caller who holds its action only on their own
     * line is refused (403, nothing written in anyone's name) when it aims at an object on the other line, and gets
     * past the permission check (neither 401 nor 403) on their own line.
     */
    @Test
    void everyLineScopedOperationRefusesACallerOfAnotherLine() throws Exception {
        var policy = dev.andon.core.identity.PermissionPolicy.bundled();
        var people = new dev.andon.core.identity.PlantPeople(new dev.andon.core.plant.PlantLoader()
                .load(dataDir.resolve("sample-plant/plant.yaml")));
        lineFixture();
        Map<dev.andon.core.identity.Action, Holder> holders = lineHolders();
        Map<String, java.util.function.Function<String, Target>> targets = lineTargets();
        List<String> wrong = new ArrayList<>();
        int walked = 0;
        for (ApiOperation op : ApiOperations.all()) {
            if (op.action() == null || !op.action().lineScoped()) {
                continue;
            }
            String key = op.method() + " " + op.path();
            if (NO_LINE_BOUND_HOLDER.containsKey(op.action()) || NOT_PER_LINE.containsKey(key)) {
                continue;
            }
            Holder h = OPERATION_HOLDERS.getOrDefault(key, holders.get(op.action()));
            if (h == null) {
                wrong.add(key + ": no caller holds " + op.action() + " on one line only (add one to lineHolders)");
                continue;
            }
            var principal = h.caller().equals(READER_L1)
                    ? new dev.andon.core.identity.Principal(READER_L1, "reader", dev.andon.core.identity.Principal.Kind.MACHINE,
                    Set.of(), Set.of("L1"), false, Set.of("alerts:read"))
                    : people.principalOf(h.caller()).orElseThrow();
            assertThat(policy.allows(principal, op.action(), h.own())).as(h + " holds " + op.action() + " on " + h.own()).isTrue();
            assertThat(policy.allows(principal, op.action(), h.other())).as(h + " lacks " + op.action() + " on " + h.other()).isFalse();
            var aim = targets.get(key);
            if (aim == null) {
                wrong.add(key + ": no way to aim it at a line (add it to lineTargets, or to NOT_PER_LINE with a reason)");
                continue;
            }
            Target other = aim.apply(h.other());
            long before = andon.auditHead();
            int refused = send(h.caller(), new Cell(op.method(), other.path(), other.body(), Set.of()));
            if (refused != 403) {
                wrong.add(key + " on " + h.other() + " as " + h.caller() + " → " + refused + " (expected 403)");
            }
            if (!andon.changesSince(before).isEmpty()) {
                wrong.add(key + " on " + h.other() + " as " + h.caller() + " changed " + andon.changesSince(before));
            }
            Target own = aim.apply(h.own());
            int let = send(h.caller(), new Cell(op.method(), own.path(), own.body(), Set.of()));
            if (let == 401 || let == 403) {
                wrong.add(key + " on " + h.own() + " as " + h.caller() + " → " + let + " (expected past the permission check)");
            }
            walked++;
        }
        assertThat(wrong).as("line-scoped operations that do not keep to the caller's line").isEmpty();
        assertThat(walked).as("operations walked per line").isGreaterThanOrEqualTo(17);
    }

    /** A silence and a storm incident on each line, and a token that reads alerts of L1 only. */
    private void lineFixture() throws Exception {
        if (bearer.containsKey(READER_L1)) {
            return;
        }
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(andon.url("/api/tokens")))
                .header("Authorization", "Bearer " + bearer.get(ADMIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"L1 reader\",\"scopes\":[\"alerts:read\"],"
                        + "\"lines\":[\"L1\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        bearer.put(READER_L1, json.readTree(token.body()).get("secret").asText());
        OPERATION_HOLDERS.values().forEach(h -> bearer.computeIfAbsent(h.caller(), andon::tokenFor));
        for (String line : List.of("L1", "L2")) {
            HttpResponse<String> s = http.send(HttpRequest.newBuilder(URI.create(andon.url("/api/silences")))
                    .header("Authorization", "Bearer " + bearer.get(OWNER)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"line\":\"" + line + "\",\"station\":\"" + station(line)
                            + "\",\"type\":\"vision-defect\",\"endsAt\":\"2026-11-25T10:00:00Z\",\"reason\":\"fixture\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(s.statusCode()).as(s.body()).isEqualTo(201);
            silences.put(line, json.readTree(s.body()).get("id").asText());
            List<String> stations = line.equals("L1") ? List.of("feeder-1", "robot-2", "vision-4", "pack-5")
                    : List.of("coil-1", "press-3", "station-4", "vision-5");
            for (String st : stations) {
                for (String type : List.of("vibration-anomaly", "temperature-drift")) {
                    raise(line, st, type);
                }
            }
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(andon.url("/api/incidents?line=" + line)))
                    .header("Authorization", "Bearer " + bearer.get(OWNER)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode found = json.readTree(list.body()).get("incidents");
            assertThat(found).as("a storm incident on " + line).isNotEmpty();
            incidents.put(line, found.get(0).get("id").asText());
        }
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
