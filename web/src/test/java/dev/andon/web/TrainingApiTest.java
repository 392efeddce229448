package dev.andon.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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

/** The skills matrix and training over HTTP, with the runbooks using the matrix; every listed bad input gets a 4xx and changes nothing. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingApiTest {
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

    HttpResponse<Buffer> send(String method, String as, String path, JsonObject body) {
        var req = http.requestAbs(io.vertx.core.http.HttpMethod.valueOf(method), andon.url(path));
        if (as != null) {
            req.putHeader("Authorization", "Bearer " + andon.tokenFor(as));
        }
        return body == null ? req.send().await() : req.sendJsonObject(body).await();
    }

    JsonObject get(String as, String path) {
        HttpResponse<Buffer> r = send("GET", as, path, null);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject();
    }

    JsonObject cell(String person, String skill) {
        return get("alessio.barbieri", "/api/skills/matrix?person=" + person).getJsonArray("entries").stream()
                .map(JsonObject.class::cast).filter(e -> e.getString("skill").equals(skill)).findFirst().orElse(null);
    }

    List<String> gapTexts(String line) {
        return get("luca.bianchi", "/api/skills/coverage?line=" + line + "&days=1").getJsonArray("gaps").stream()
                .map(g -> ((JsonObject) g).getString("text")).toList();
    }

    @Test
    void aTrainerQualifiesSomeoneAndTheNightShiftGapOnL2Closes() {
        assertThat(gapTexts("L2")).contains("Night shift on L2 (2026-11-25): nobody qualified for Lock-out/tag-out on press-3");

        HttpResponse<Buffer> r = send("PUT", "alessio.barbieri", "/api/skills/matrix/tomas.novak/press-3-lockout",
                new JsonObject().put("level", "qualified").put("until", "2028-06-30"));

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getString("level")).isEqualTo("qualified");
        assertThat(gapTexts("L2")).noneMatch(t -> t.startsWith("Night shift") && t.contains("press-3"));
    }

    @Test
    void anAlertNeedingAQualificationSkipsWhoeverTheMatrixNoLongerQualifies() {
        for (String skill : List.of("press-3", "hydraulic-press")) {
            assertThat(send("DELETE", "alessio.barbieri", "/api/skills/matrix/marco.ferri/" + skill, null).statusCode()).isEqualTo(204);
        }

        HttpResponse<Buffer> r = send("POST", "luca.bianchi", "/api/alerts", AlertToAnswerEndToEndTest.vibrationAlert());

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
        JsonObject assignee = r.bodyAsJsonObject().getJsonObject("decision").getJsonObject("assignee");
        assertThat(assignee.getString("person")).isNotEqualTo("marco.ferri");
        assertThat(assignee.getString("missingQualification")).isEqualTo("press-3");
        assertThat(assignee.getJsonArray("skipped").getJsonObject(0).getString("person")).isEqualTo("marco.ferri");
        assertThat(assignee.getJsonArray("skipped").getJsonObject(0).getString("reason")).startsWith("not qualified for press-3");
    }

    @Test
    void badMatrixChangesAreRefusedWithTheReasonAndChangeNothing() {
        JsonObject before = cell("giulia.conti", "vision-5");

        HttpResponse<Buffer> past = send("PUT", "alessio.barbieri", "/api/skills/matrix/giulia.conti/vision-5",
                new JsonObject().put("level", "qualified").put("until", "2026-11-24"));
        HttpResponse<Buffer> skill = send("PUT", "alessio.barbieri", "/api/skills/matrix/giulia.conti/juggling",
                new JsonObject().put("level", "qualified"));
        HttpResponse<Buffer> person = send("PUT", "alessio.barbieri", "/api/skills/matrix/nobody.here/vision-5",
                new JsonObject().put("level", "qualified"));
        HttpResponse<Buffer> level = send("PUT", "alessio.barbieri", "/api/skills/matrix/giulia.conti/vision-5",
                new JsonObject().put("level", "grandmaster"));
        HttpResponse<Buffer> operator = send("PUT", "anna.rossi", "/api/skills/matrix/anna.rossi/vision-5",
                new JsonObject().put("level", "trainer"));
        HttpResponse<Buffer> nobody = send("PUT", null, "/api/skills/matrix/giulia.conti/vision-5",
                new JsonObject().put("level", "trainer"));

        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.bodyAsString()).contains("until", "in the past");
        assertThat(skill.statusCode()).isEqualTo(400);
        assertThat(skill.bodyAsString()).contains("unknown skill 'juggling'");
        assertThat(person.statusCode()).isEqualTo(400);
        assertThat(person.bodyAsString()).contains("unknown person 'nobody.here'");
        assertThat(level.statusCode()).isEqualTo(400);
        assertThat(level.bodyAsString()).contains("unknown level 'grandmaster'");
        assertThat(operator.statusCode()).isEqualTo(403);
        assertThat(operator.bodyAsString()).contains("skills:manage");
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(cell("giulia.conti", "vision-5")).isEqualTo(before);
        assertThat(cell("anna.rossi", "vision-5")).isNull();
    }

    @Test
    void reCertificationListsWhatLapsesWithinThirtyDays() {
        JsonArray entries = get("alessio.barbieri", "/api/skills/recertification").getJsonArray("entries");

        assertThat(entries.stream().map(e -> ((JsonObject) e).getString("person") + "/" + ((JsonObject) e).getString("skill")))
                .contains("jonas.weber/coil-1", "marco.ferri/press-3-lockout");
    }

    @Test
    void badTrainingRequestsAreRefusedWithTheReasonAndChangeNothing() {
        HttpResponse<Buffer> notOnPath = send("POST", "anna.rossi", "/api/training/me/quiz", new JsonObject()
                .put("role", "operator").put("line", "L2").put("item", "quiz:SOP-ROBOT-WELD-L1").put("answers", new JsonArray().add(0)));
        HttpResponse<Buffer> otherLine = send("POST", "anna.rossi", "/api/training/me/read", new JsonObject()
                .put("role", "operator").put("line", "L1").put("item", "read:STD-PPE#1"));
        HttpResponse<Buffer> notTrainer = send("POST", "elena.ricci", "/api/training/people/anna.rossi/sign-off", new JsonObject()
                .put("role", "operator").put("line", "L2").put("module", "week-1-safety-and-the-line"));
        HttpResponse<Buffer> own = send("POST", "luca.bianchi", "/api/training/people/luca.bianchi/sign-off", new JsonObject()
                .put("role", "team-leader").put("line", "L2").put("module", "week-1-safety-and-the-line"));
        HttpResponse<Buffer> incomplete = send("POST", "luca.bianchi", "/api/training/people/anna.rossi/sign-off", new JsonObject()
                .put("role", "operator").put("line", "L2").put("module", "week-1-safety-and-the-line"));
        HttpResponse<Buffer> unknownPerson = send("POST", "luca.bianchi", "/api/training/people/nobody.here/observed", new JsonObject()
                .put("role", "operator").put("line", "L2").put("item", "practical:STD-PPE#1"));

        assertThat(notOnPath.statusCode()).isEqualTo(400);
        assertThat(notOnPath.bodyAsString()).contains("not an item on the path operator@L2");
        assertThat(otherLine.statusCode()).isEqualTo(400);
        assertThat(otherLine.bodyAsString()).contains("anna.rossi is not on the path operator@L1");
        assertThat(notTrainer.statusCode()).isEqualTo(403);
        assertThat(notTrainer.bodyAsString()).contains("training:manage");
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.bodyAsString()).contains("own training");
        assertThat(incomplete.statusCode()).isEqualTo(409);
        assertThat(incomplete.bodyAsString()).contains("not complete");
        assertThat(unknownPerson.statusCode()).isEqualTo(404);
        JsonObject anna = get("anna.rossi", "/api/training/me").getJsonArray("paths").getJsonObject(0);
        assertThat(anna.getInteger("done")).isZero();
        assertThat(anna.getJsonArray("modules").stream().map(m -> ((JsonObject) m).getValue("signOff"))).containsOnlyNulls();
    }

    static List<String> itemIds(JsonObject path) {
        return path.getJsonArray("modules").stream().flatMap(m -> ((JsonObject) m).getJsonArray("items").stream())
                .map(i -> ((JsonObject) i).getString("id")).toList();
    }

    @Test
    void aTrainerShapesTheLinesStandardPathAndEveryoneOnItGetsIt() {
        JsonObject assembled = get("alessio.barbieri", "/api/training/paths/operator/L2");
        List<String> firstModule = assembled.getJsonArray("modules").getJsonObject(0).getJsonArray("items").stream()
                .map(i -> ((JsonObject) i).getString("id")).toList();
        assertThat(firstModule).hasSizeGreaterThanOrEqualTo(3);
        String first = firstModule.get(0);
        String second = firstModule.get(1);
        String dropped = firstModule.get(firstModule.size() - 1);
        JsonObject shape = new JsonObject().put("order", new JsonArray().add(second).add(first))
                .put("pinned", new JsonArray().add(first)).put("dropped", new JsonArray().add(dropped));

        HttpResponse<Buffer> byOperator = send("PUT", "anna.rossi", "/api/training/paths/operator/L2", shape);
        HttpResponse<Buffer> unknownItem = send("PUT", "alessio.barbieri", "/api/training/paths/operator/L2",
                shape.copy().put("dropped", new JsonArray().add("read:NO-SUCH-DOC#9")));
        assertThat(byOperator.statusCode()).isEqualTo(403);
        assertThat(unknownItem.statusCode()).isEqualTo(400);
        assertThat(unknownItem.bodyAsString()).contains("'read:NO-SUCH-DOC#9' is not an item of the path operator@L2");
        assertThat(get("anna.rossi", "/api/training/paths/operator/L2").getBoolean("standard")).isFalse();

        HttpResponse<Buffer> saved = send("PUT", "alessio.barbieri", "/api/training/paths/operator/L2", shape);
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);

        JsonObject path = get("anna.rossi", "/api/training/paths/operator/L2");
        assertThat(path.getBoolean("standard")).isTrue();
        assertThat(path.getString("savedBy")).isEqualTo("alessio.barbieri");
        List<String> ids = itemIds(path);
        assertThat(ids).doesNotContain(dropped).contains(first, second);
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first));
        assertThat(path.getJsonArray("modules").getJsonObject(0).getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(i -> i.getString("id").equals(first)).findFirst().orElseThrow()
                .getBoolean("pinned")).isTrue();
    }

    @Test
    void quizDraftsNeedATrainerAModelAndASectionThatExists() {
        JsonObject ask = new JsonObject().put("document", "TG-L2-OPERATOR").put("section", "1").put("count", 2);

        HttpResponse<Buffer> byOperator = send("POST", "anna.rossi", "/api/training/quiz-drafts", ask);
        HttpResponse<Buffer> tooMany = send("POST", "alessio.barbieri", "/api/training/quiz-drafts", ask.copy().put("count", 9));
        HttpResponse<Buffer> noSection = send("POST", "alessio.barbieri", "/api/training/quiz-drafts", ask.copy().put("section", "99"));
        HttpResponse<Buffer> noModel = send("POST", "alessio.barbieri", "/api/training/quiz-drafts", ask);
        HttpResponse<Buffer> noDraft = send("POST", "alessio.barbieri", "/api/training/quiz-drafts/QD-000404/approve", null);

        assertThat(byOperator.statusCode()).isEqualTo(403);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.bodyAsString()).contains("count", "must be 1 to 5");
        assertThat(noSection.statusCode()).isEqualTo(404);
        assertThat(noModel.statusCode()).isEqualTo(409);
        assertThat(noModel.bodyAsJsonObject().getString("message")).contains("no language model is configured");
        assertThat(noDraft.statusCode()).isEqualTo(404);
        assertThat(get("alessio.barbieri", "/api/training/quiz-drafts?document=TG-L2-OPERATOR").getJsonArray("drafts")).isEmpty();
    }
}
