package dev.andon.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules, knowledge and assistant endpoints over real HTTP: governance, silences, uploads, chat feedback, streaming, replay. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleApiTest {
    @TempDir
    static Path dataDir;
    RunningAndon andon;
    Vertx vertx;
    final java.util.Map<String, WebClient> clients = new java.util.HashMap<>();

    @BeforeAll
    void start(Vertx vertx) {
        this.vertx = vertx;
        andon = RunningAndon.start(dataDir);
    }

    @AfterAll
    void stop() {
        clients.values().forEach(WebClient::close);
        andon.close();
    }

    /** Requests as one signed-in person of the sample plant. */
    WebClient as(String person) {
        return clients.computeIfAbsent(person, p -> andon.client(vertx, p));
    }

    HttpResponse<Buffer> post(String who, String path, JsonObject body) {
        return as(who).postAbs(andon.url(path)).sendJsonObject(body).await();
    }

    HttpResponse<Buffer> get(String path) {
        return as("anna.rossi").getAbs(andon.url(path)).send().await();
    }

    HttpResponse<Buffer> upload(String who, String path, MultipartForm form) {
        return as(who).postAbs(andon.url(path)).sendMultipartForm(form).await();
    }

    @Test
    void aRulesetThatDoesNotCompileIsRefusedWithFileAndLineAndTheActiveOneStays() {
        String activeBefore = get("/api/rulesets").bodyAsJsonObject().getJsonObject("active").getString("version");
        MultipartForm form = MultipartForm.create()
                .binaryFileUpload("files", "broken.drl", Buffer.buffer("""
                        package dev.andon.rules.sample
                        rule "half written"
                        when
                            this is not drl
                        then
                        end
                        """), "text/plain");
        HttpResponse<Buffer> r = upload("roberta.fontana", "/api/rulesets", form);

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getJsonArray("problems").getJsonObject(0).getString("field")).startsWith("broken.drl");
        assertThat(get("/api/rulesets").bodyAsJsonObject().getJsonObject("active").getString("version")).isEqualTo(activeBefore);
    }

    @Test
    void onlyAProcessOwnerMayApproveARuleset() {
        String active = get("/api/rulesets").bodyAsJsonObject().getJsonObject("active").getString("version");
        HttpResponse<Buffer> r = post("anna.rossi", "/api/rulesets/" + active + "/approve", new JsonObject());
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(403);
        assertThat(r.bodyAsJsonObject().getString("message")).contains("anna.rossi", "rulesets:approve");
    }

    static JsonObject rulesetOf(String name, String drl) {
        return new JsonObject().put("files", new JsonObject().put(name, drl));
    }

    static final String ONE_RULE = """
            package plant.api;
            import dev.andon.rules.facts.*;
            global DecisionDraft decision;
            rule "Everything to the team leader"
            when
                AlertFact()
            then
                decision.runbook("general");
                decision.owner("team-leader");
            end
            """;

    @Test
    void aRunbookAuthorUploadsAndBacktestsTheProcessOwnerApprovesAndTheAuthorCannot() {
        WebClient nobody = WebClient.create(vertx);
        try {
            HttpResponse<Buffer> anonymous = nobody.postAbs(andon.url("/api/rulesets"))
                    .sendJsonObject(rulesetOf("team-leader.drl", ONE_RULE).put("author", "bruno.esposito")).await();
            assertThat(anonymous.statusCode()).as(anonymous.bodyAsString()).isEqualTo(401);
        } finally {
            nobody.close();
        }
        HttpResponse<Buffer> operator = post("anna.rossi", "/api/rulesets", rulesetOf("team-leader.drl", ONE_RULE));
        assertThat(operator.statusCode()).as(operator.bodyAsString()).isEqualTo(403);

        HttpResponse<Buffer> inSomeoneElsesName = post("bruno.esposito", "/api/rulesets",
                rulesetOf("team-leader.drl", ONE_RULE).put("author", "roberta.fontana"));
        assertThat(inSomeoneElsesName.statusCode()).as(inSomeoneElsesName.bodyAsString()).isEqualTo(403);

        HttpResponse<Buffer> up = post("bruno.esposito", "/api/rulesets", rulesetOf("team-leader.drl", ONE_RULE));
        assertThat(up.statusCode()).as(up.bodyAsString()).isEqualTo(201);
        String version = up.bodyAsJsonObject().getString("version");
        assertThat(up.bodyAsJsonObject().getString("author")).isEqualTo("bruno.esposito");

        HttpResponse<Buffer> backtest = post("bruno.esposito", "/api/rulesets/" + version + "/backtest", new JsonObject());
        assertThat(backtest.statusCode()).as(backtest.bodyAsString()).isEqualTo(200);
        HttpResponse<Buffer> own = post("bruno.esposito", "/api/rulesets/" + version + "/approve", new JsonObject());
        assertThat(own.statusCode()).as(own.bodyAsString()).isEqualTo(403);
        HttpResponse<Buffer> approved = post("roberta.fontana", "/api/rulesets/" + version + "/approve", new JsonObject());
        assertThat(approved.statusCode()).as(approved.bodyAsString()).isEqualTo(200);
        assertThat(approved.bodyAsJsonObject().getString("approvedBy")).isEqualTo("roberta.fontana");
    }

    @Test
    void aRulesetWhoseActionWritesAFileIsRefusedAndTheFileIsNeverWritten() {
        java.nio.file.Path marker = dataDir.resolve("written-by-a-rule.txt");
        String attack = ONE_RULE.replace("decision.runbook(\"general\");",
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"pwned\");");

        HttpResponse<Buffer> r = post("roberta.fontana", "/api/rulesets", rulesetOf("attack.drl", attack));

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getJsonArray("problems").getJsonObject(0).getString("field")).isEqualTo("attack.drl:8");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aSilencedStationKeepsItsAlertsVisibleButSuppressed() {
        HttpResponse<Buffer> s = post("paolo.greco", "/api/silences", new JsonObject().put("kind", "maintenance-window")
                .put("line", "L1").put("station", "pack-5").put("endsAt", RunningAndon.NINE_AM_ROME.plusSeconds(3600).toString())
                .put("author", "paolo.greco").put("reason", "conveyor belt replacement"));
        assertThat(s.statusCode()).as(s.bodyAsString()).isEqualTo(201);

        HttpResponse<Buffer> a = post("paolo.greco", "/api/alerts", AlertToAnswerEndToEndTest.vibrationAlert()
                .put("line", "L1").put("station", "pack-5").put("type", "station-blocked"));
        assertThat(a.statusCode()).isEqualTo(202);
        assertThat(a.bodyAsJsonObject().getString("state")).isEqualTo("suppressed");
        String id = a.bodyAsJsonObject().getJsonObject("alert").getString("id");
        assertThat(get("/api/alerts?state=suppressed").bodyAsJsonObject().getJsonArray("alerts").stream()
                .map(x -> ((JsonObject) x).getJsonObject("alert").getString("id"))).contains(id);

        HttpResponse<Buffer> bad = post("paolo.greco", "/api/silences", new JsonObject().put("line", "L1").put("endsAt", "tomorrow"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.bodyAsJsonObject().getJsonArray("problems").getJsonObject(0).getString("field")).isEqualTo("endsAt");
    }

    @Test
    void anUploadedDocumentIsSearchableAndACorruptPdfIsRefusedLeavingTheIndexAlone() {
        int before = get("/api/knowledge/documents").bodyAsJsonObject().getJsonArray("documents").size();
        HttpResponse<Buffer> bad = upload("roberta.fontana", "/api/knowledge/documents", MultipartForm.create()
                .binaryFileUpload("file", "manual.pdf", Buffer.buffer("%PDF-1.7 this is not really a pdf"), "application/pdf"));
        assertThat(bad.statusCode()).as(bad.bodyAsString()).isBetween(400, 422);
        assertThat(get("/api/knowledge/documents").bodyAsJsonObject().getJsonArray("documents")).hasSize(before);

        HttpResponse<Buffer> escape = upload("roberta.fontana", "/api/knowledge/documents", MultipartForm.create()
                .binaryFileUpload("file", "../../etc/evil.md", Buffer.buffer("# x"), "text/markdown"));
        assertThat(escape.statusCode()).isEqualTo(400);

        String doc = """
                ---
                id: WI-L1-PACK5-TAPE
                title: Changing the tape roll on packing station 5
                type: work-instruction
                roles: [operator]
                lines: [L1]
                stations: [pack-5]
                version: "1.0"
                effectiveDate: 2026-01-10
                reviewDate: 2027-01-10
                language: en
                ---
                # WI-L1-PACK5-TAPE Changing the tape roll

                ## 1 Replace the tape roll

                1. Stop the case sealer with the yellow button.
                2. Lift the tape head and fit the new 48 mm roll, adhesive side down.
                3. Thread the tape past the applicator roller and close the head.
                """;
        HttpResponse<Buffer> ok = upload("roberta.fontana", "/api/knowledge/documents", MultipartForm.create()
                .binaryFileUpload("file", "WI-L1-PACK5-TAPE.md", Buffer.buffer(doc), "text/markdown"));
        assertThat(ok.statusCode()).as(ok.bodyAsString()).isEqualTo(201);

        JsonArray hits = get("/api/knowledge/search?q=tape%20roll%20case%20sealer&line=L1").bodyAsJsonObject().getJsonArray("hits");
        assertThat(hits.getJsonObject(0).getString("documentId")).isEqualTo("WI-L1-PACK5-TAPE");
        assertThat(get("/api/knowledge/documents/WI-L1-PACK5-TAPE/sections/1").bodyAsJsonObject().getString("text"))
                .contains("48 mm roll");
        assertThat(as("roberta.fontana").deleteAbs(andon.url("/api/knowledge/documents/WI-L1-PACK5-TAPE")).send().await().statusCode()).isEqualTo(200);
        assertThat(get("/api/knowledge/documents/WI-L1-PACK5-TAPE").statusCode()).isEqualTo(404);
    }

    @Test
    void answersCanBeRatedAndAnEmptyMessageIsRefused() {
        JsonObject answer = post("luca.bianchi", "/api/chat", new JsonObject().put("message", "status of L2")
                .put("userId", "luca.bianchi").put("role", "team-leader").put("line", "L2")).bodyAsJsonObject();
        assertThat(answer.getString("intent")).isEqualTo("line-status");

        HttpResponse<Buffer> rated = post("luca.bianchi", "/api/chat/feedback", new JsonObject().put("answerId", answer.getString("answerId"))
                .put("userId", "luca.bianchi").put("rating", "up").put("comment", "exactly what I needed"));
        assertThat(rated.statusCode()).as(rated.bodyAsString()).isEqualTo(201);
        assertThat(post("luca.bianchi", "/api/chat/feedback", new JsonObject().put("answerId", "nope").put("rating", "up")).statusCode())
                .isEqualTo(404);

        HttpResponse<Buffer> empty = post("luca.bianchi", "/api/chat", new JsonObject().put("message", " ")
                .put("userId", "luca.bianchi").put("role", "team-leader"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.bodyAsJsonObject().getJsonArray("problems").getJsonObject(0).getString("field")).isEqualTo("message");

        HttpResponse<Buffer> huge = post("luca.bianchi", "/api/chat", new JsonObject().put("message", "x".repeat(100_000))
                .put("userId", "luca.bianchi").put("role", "team-leader"));
        assertThat(huge.statusCode()).isEqualTo(400);

        JsonObject conversation = as("luca.bianchi").getAbs(andon.url("/api/chat/conversations/" + answer.getString("conversationId"))).send().await().bodyAsJsonObject();
        assertThat(conversation.getJsonArray("messages")).hasSize(2);
    }

    @Test
    void aStreamedAnswerEndsWithTheWholeAnswerAndItsCitations() {
        HttpResponse<Buffer> r = post("marco.ferri", "/api/chat/stream", new JsonObject()
                .put("message", "how do I isolate hydraulic energy on the press?")
                .put("userId", "marco.ferri").put("role", "maintenance").put("line", "L2"));
        assertThat(r.getHeader("Content-Type")).startsWith("text/event-stream");
        String body = r.bodyAsString();
        assertThat(body).contains("event: token").contains("event: answer");
        String last = body.substring(body.lastIndexOf("event: answer"));
        JsonObject answer = new JsonObject(last.substring(last.indexOf("data: ") + 6).trim());
        assertThat(answer.getJsonArray("citations").getJsonObject(0).getString("documentId")).isEqualTo("LOTO-PRESS-01");
    }

    @Test
    void aRecordingReplaysThroughTheNormalIntakeReportingBadLines() {
        String recording = """
                {"source":"vision-model","line":"L1","station":"vision-4","type":"vision-defect","severity":"medium","confidence":0.91,"timestamp":"2025-03-01T10:00:00Z"}
                {"source":"vision-model","line":"L1","station":"vision-99","type":"vision-defect","severity":"medium","confidence":0.91,"timestamp":"2025-03-01T10:00:10Z"}
                """;
        HttpResponse<Buffer> r = upload("roberta.fontana", "/api/replay", MultipartForm.create()
                .binaryFileUpload("recording", "day.jsonl", Buffer.buffer(recording), "application/x-ndjson"));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        JsonObject report = r.bodyAsJsonObject();
        assertThat(report.getInteger("accepted")).isEqualTo(1);
        assertThat(report.getJsonArray("rejected").getJsonObject(0).getInteger("line")).isEqualTo(2);
        String id = report.getJsonArray("acceptedIds").getString(0);
        assertThat(get("/api/alerts/" + id).bodyAsJsonObject().getJsonObject("decision").getString("ownerRole")).isNotBlank();
    }
}
