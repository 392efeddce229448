package dev.andon.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shift API over HTTP against the running application (clock fixed at 09:00 in Rome, the early shift): line
 * events with retries and bad input, OEE, the board, roster swaps, the handover sign-off and resolution records.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShiftApiTest {
    static final String EARLY = "L2.2026-11-25.early";
    @TempDir
    static Path dataDir;
    RunningAndon andon;
    WebClient http;

    @BeforeAll
    void start(Vertx vertx) {
        andon = RunningAndon.start(dataDir);
        http = WebClient.create(vertx);
    }

    @AfterAll
    void stop() {
        http.close();
        andon.close();
    }

    HttpResponse<Buffer> call(HttpMethod method, String path, String person, Object body) {
        var req = http.requestAbs(method, andon.url(path));
        if (person != null) {
            req.putHeader("Authorization", "Bearer " + andon.tokenFor(person));
        }
        return body == null ? req.send().await()
                : req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body.toString())).await();
    }

    HttpResponse<Buffer> post(String path, String person, Object body) {
        return call(HttpMethod.POST, path, person, body);
    }

    HttpResponse<Buffer> get(String path, String person) {
        return call(HttpMethod.GET, path, person, null);
    }

    static JsonObject state(String key, String station, String state, String reason, String at) {
        JsonObject e = new JsonObject().put("key", key).put("type", "state").put("station", station).put("state", state).put("at", at);
        return reason == null ? e : e.put("reason", reason);
    }

    static JsonObject count(String key, String station, long good, long scrap, String reason, String at) {
        JsonObject e = new JsonObject().put("key", key).put("type", "count").put("station", station).put("good", good)
                .put("scrap", scrap).put("order", "ORD-7").put("batch", "B-7").put("at", at);
        return reason == null ? e : e.put("scrapReason", reason);
    }

    static JsonObject batch(JsonObject... events) {
        return new JsonObject().put("events", new JsonArray(List.of((Object[]) events)));
    }

    static List<String> fields(HttpResponse<Buffer> r) {
        return r.bodyAsJsonObject().getJsonArray("problems").stream().map(p -> ((JsonObject) p).getString("field")).toList();
    }

    @Test
    void aRetriedBatchCountsOnceInTheShiftsOee() {
        JsonObject body = batch(state("api-1", "vision-5", "running", null, "2026-11-25T05:00:00Z"),
                count("api-2", "vision-5", 1200, 30, "dimension", "2026-11-25T07:30:00Z"));

        HttpResponse<Buffer> first = post("/api/lines/L2/events", "anna.rossi", body);
        HttpResponse<Buffer> retry = post("/api/lines/L2/events", "anna.rossi", body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.bodyAsJsonObject().getInteger("accepted")).isEqualTo(2);
        assertThat(retry.bodyAsJsonObject().getInteger("accepted")).isZero();
        assertThat(retry.bodyAsJsonObject().getInteger("duplicates")).isEqualTo(2);
        JsonObject kpis = get("/api/lines/L2/kpis?shift=current", "luca.bianchi").bodyAsJsonObject();
        assertThat(kpis.getJsonArray("shifts")).containsExactly(EARLY);
        assertThat(kpis.getLong("output")).isEqualTo(1200);
        assertThat(kpis.getJsonObject("kpis").getLong("scrap")).isGreaterThanOrEqualTo(30);
        assertThat(kpis.getJsonObject("kpis").getDouble("availability")).isEqualTo(1.0);
        assertThat(kpis.getJsonArray("scrap").getJsonObject(0).getString("reason")).isEqualTo("dimension");
        JsonObject range = get("/api/lines/L2/kpis?from=2026-11-24&to=2026-11-25", "luca.bianchi").bodyAsJsonObject();
        assertThat(range.getJsonArray("shifts")).contains("L2.2026-11-24.early", "L2.2026-11-24.night", EARLY);
        assertThat(range.getLong("output")).isEqualTo(1200);
    }

    @Test
    void badEventsAreRefusedWithTheReasonAndNothingCounts() {
        JsonObject bad = batch(
                state("bad-1", "press-9", "running", null, "2026-11-25T07:00:00Z"),
                state("bad-2", "press-3", "down", "gremlins", "2026-11-25T07:00:00Z"),
                state("bad-3", "press-3", "on-fire", null, "2026-11-25T07:00:00Z"),
                count("bad-4", "coil-1", -5, 0, null, "2026-11-25T07:00:00Z"),
                count("bad-5", "coil-1", 5, 0, null, "2026-11-25T09:00:00Z"),
                count("bad-6", "coil-1", 5, 0, null, "2026-11-25T04:00:00Z"));

        HttpResponse<Buffer> r = post("/api/lines/L2/events", "anna.rossi", bad);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(fields(r)).containsExactly("events[0].station", "events[1].reason", "events[2].state",
                "events[3].good", "events[4].at", "events[5].at");
        assertThat(r.bodyAsString()).contains("unknown station 'press-9'", "unknown reason code 'gremlins'",
                "'on-fire' is not a station state", "must not be negative", "in the future", "before the shift");
        JsonObject coil = get("/api/lines/L2/kpis", "anna.rossi").bodyAsJsonObject().getJsonArray("stations").getJsonObject(0);
        assertThat(coil.getJsonObject("kpis").getLong("good")).isZero();

        assertThat(post("/api/lines/L1/events", "anna.rossi", batch(state("x", "robot-2", "running", null,
                "2026-11-25T07:00:00Z"))).statusCode()).isEqualTo(403);
        assertThat(post("/api/lines/L2/events", null, batch(state("x", "coil-1", "running", null,
                "2026-11-25T07:00:00Z"))).statusCode()).isEqualTo(401);
        // nobody works on a line that does not exist: the permission guard refuses before the route can say 404
        assertThat(post("/api/lines/L9/events", "anna.rossi", batch()).statusCode()).isEqualTo(403);
        assertThat(get("/api/lines/L9/kpis", "anna.rossi").statusCode()).isEqualTo(404);
        assertThat(get("/api/lines/L2/kpis?from=yesterday&to=2026-11-25", "anna.rossi").statusCode()).isEqualTo(400);
        assertThat(get("/api/lines/L2/kpis?shift=L2.2026-11-29.early", "anna.rossi").statusCode()).isEqualTo(404);
    }

    @Test
    void theBoardShowsEveryStationWithItsStateAndOpenAlerts() {
        post("/api/lines/L1/events", "sara.neri", batch(state("b-1", "robot-2", "down", "electrical-fault", "2026-11-25T07:55:00Z")));
        post("/api/alerts", "paolo.greco", AlertToAnswerEndToEndTest.vibrationAlert().put("line", "L1").put("station", "robot-2")
                .put("type", "power-failure-risk"));

        JsonObject board = get("/api/board", "anna.rossi").bodyAsJsonObject();

        JsonObject l1 = board.getJsonArray("lines").getJsonObject(0);
        assertThat(l1.getJsonObject("shift").getString("key")).isEqualTo("L1.2026-11-25.early");
        JsonObject robot = l1.getJsonArray("stations").getJsonObject(1);
        assertThat(robot.getString("id")).isEqualTo("robot-2");
        assertThat(robot.getString("state")).isEqualTo("down");
        assertThat(robot.getString("reason")).isEqualTo("electrical-fault");
        assertThat(robot.getInteger("openAlerts")).isGreaterThanOrEqualTo(1);
        assertThat(board.getJsonArray("lines").getJsonObject(1).getJsonArray("stations")).hasSize(4);
    }

    @Test
    void theHandoverIsSignedByTheOutgoingLeaderAndAcceptedOnceByTheIncomingOne() {
        JsonObject draft = get("/api/lines/L2/handover?shift=current", "anna.rossi").bodyAsJsonObject();
        assertThat(draft.getString("id")).isEqualTo(EARLY);
        assertThat(draft.getString("status")).isEqualTo("draft");
        // the skills matrix speaks at the handover: the late shift has only a trainee for the press-3 lock-out
        assertThat(draft.getJsonArray("incomingGaps").getJsonObject(0).getString("text"))
                .isEqualTo("Late shift on L2 (2026-11-25): nobody qualified for Lock-out/tag-out on press-3 (in training: Stefano Moretti)");

        JsonObject edit = new JsonObject().put("notes", "Die <script>alert(1)</script> D-21 fitted")
                .put("openLockouts", new JsonArray().add("press-3 LOTO tag 17"))
                .put("actions", new JsonArray().add(new JsonObject().put("text", "re-check clamp torque")));
        assertThat(call(HttpMethod.PATCH, "/api/handovers/" + EARLY, "anna.rossi", edit).statusCode()).isEqualTo(403);
        assertThat(call(HttpMethod.PATCH, "/api/handovers/" + EARLY, "luca.bianchi", new JsonObject().put("nots", "x"))
                .statusCode()).isEqualTo(400);
        assertThat(call(HttpMethod.PATCH, "/api/handovers/" + EARLY, "luca.bianchi", edit).statusCode()).isEqualTo(200);

        HttpResponse<Buffer> wrongSigner = post("/api/handovers/" + EARLY + "/sign", "karin.huber", null);
        assertThat(wrongSigner.statusCode()).isEqualTo(403);
        assertThat(wrongSigner.bodyAsJsonObject().getString("message")).contains("only that shift's team leader");
        assertThat(post("/api/handovers/" + EARLY + "/sign", "luca.bianchi", null).bodyAsJsonObject().getString("status"))
                .isEqualTo("signed");
        assertThat(post("/api/handovers/" + EARLY + "/send-back", "davide.gallo", new JsonObject()).statusCode()).isEqualTo(400);
        assertThat(post("/api/handovers/" + EARLY + "/accept", "luca.bianchi", null).statusCode()).isEqualTo(403);
        HttpResponse<Buffer> accepted = post("/api/handovers/" + EARLY + "/accept", "davide.gallo", new JsonObject().put("note", "seen"));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.bodyAsJsonObject().getString("status")).isEqualTo("accepted");

        HttpResponse<Buffer> twice = post("/api/handovers/" + EARLY + "/accept", "davide.gallo", null);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.bodyAsJsonObject().getString("message")).contains("already accepted by davide.gallo");
        HttpResponse<Buffer> locked = call(HttpMethod.PATCH, "/api/handovers/" + EARLY, "luca.bianchi", new JsonObject().put("notes", "late edit"));
        assertThat(locked.statusCode()).isEqualTo(409);
        assertThat(locked.bodyAsJsonObject().getString("message")).contains("locked");

        String md = get("/api/handovers/" + EARLY + "?format=md", "davide.gallo").bodyAsString();
        assertThat(md).contains("# Shift handover — Press line 2 (L2)", "status **accepted**", "press-3 LOTO tag 17",
                "Die \\<script\\>alert(1)\\</script\\> D-21 fitted");
        HttpResponse<Buffer> page = get("/api/handovers/" + EARLY + "?format=html", "davide.gallo");
        assertThat(page.getHeader("Content-Type")).startsWith("text/html");
        assertThat(page.bodyAsString()).contains("Die &lt;script&gt;alert(1)&lt;/script&gt; D-21 fitted").doesNotContain("<script>")
                .contains("Nobody on the incoming shift is qualified for:");
        assertThat(get("/api/handovers/mine", "davide.gallo").bodyAsJsonObject().getString("id")).isEqualTo(EARLY);
        // the night shift before was drafted by the timer when the service started
        assertThat(get("/api/handovers?line=L2", "davide.gallo").bodyAsJsonObject().getJsonArray("handovers").stream()
                .map(h -> ((JsonObject) h).getString("id")).toList()).containsExactly(EARLY, "L2.2026-11-24.night");
    }

    @Test
    void aRosterSwapMakesTheSwappedInLeaderTheSigner() {
        String night = "L1.2026-11-25.night";
        JsonObject swap = new JsonObject().put("shift", night).put("role", "team-leader").put("out", "karin.huber")
                .put("in", "paolo.greco").put("reason", "Karin on leave");

        assertThat(post("/api/roster/swaps", "anna.rossi", swap).statusCode()).isEqualTo(403);
        assertThat(post("/api/roster/swaps", "karin.huber", swap.copy().put("in", "anna.rossi")).statusCode()).isEqualTo(400);
        assertThat(post("/api/roster/swaps", "karin.huber", swap).statusCode()).isEqualTo(201);

        JsonObject shifts = get("/api/lines/L1/shifts?at=2026-11-25T22:00:00Z", "anna.rossi").bodyAsJsonObject();
        assertThat(shifts.getJsonObject("current").getJsonObject("shift").getString("key")).isEqualTo(night);
        assertThat(shifts.getJsonObject("current").getJsonArray("crew").encode()).contains("paolo.greco").doesNotContain("karin.huber\",\"name\":\"Karin Huber\",\"role\":\"team-leader");
        assertThat(get("/api/roster/swaps?line=L1", "anna.rossi").bodyAsJsonObject().getJsonArray("swaps")).hasSize(1);
    }

    @Test
    void resolvingWithCauseAndActionShowsOnTheNextAlertOfTheSameKind() {
        JsonObject alert = AlertToAnswerEndToEndTest.vibrationAlert().put("station", "station-4").put("type", "tool-wear");
        String first = post("/api/alerts", "luca.bianchi", alert).bodyAsJsonObject().getJsonObject("alert").getString("id");
        HttpResponse<Buffer> wrong = post("/api/alerts/" + first + "/transitions", "marco.ferri",
                new JsonObject().put("to", "acknowledged").put("actor", "marco.ferri").put("cause", "x"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        HttpResponse<Buffer> missingAction = post("/api/alerts/" + first + "/transitions", "marco.ferri",
                new JsonObject().put("to", "resolved").put("actor", "marco.ferri").put("cause", "worn brush"));
        assertThat(missingAction.statusCode()).isEqualTo(400);
        assertThat(fields(missingAction)).containsExactly("action");
        HttpResponse<Buffer> resolved = post("/api/alerts/" + first + "/transitions", "marco.ferri",
                new JsonObject().put("to", "resolved").put("actor", "marco.ferri").put("cause", "worn brush")
                        .put("action", "replaced the brush").put("actionCode", "replace"));
        assertThat(resolved.statusCode()).isEqualTo(200);

        String again = post("/api/alerts", "luca.bianchi", alert.put("source", "wear-model")).bodyAsJsonObject()
                .getJsonObject("alert").getString("id");
        JsonObject rec = get("/api/alerts/" + again + "/recurrence", "anna.rossi").bodyAsJsonObject();

        assertThat(rec.getInteger("raisedThisMonth")).isEqualTo(2);
        JsonObject last = rec.getJsonArray("lastResolutions").getJsonObject(0);
        assertThat(last.getString("alertId")).isEqualTo(first);
        assertThat(last.getString("cause")).isEqualTo("worn brush");
        assertThat(last.getString("action")).isEqualTo("replaced the brush");
        assertThat(last.getString("resolvedBy")).isEqualTo("marco.ferri");
        assertThat(get("/api/alerts/" + first + "/resolution", "anna.rossi").bodyAsJsonObject().getString("actionCode"))
                .isEqualTo("replace");
    }
}
