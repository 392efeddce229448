package dev.andon.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a 4xx with a JSON body naming each problem, and nothing is stored. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    @TempDir
    static Path dataDir;
    RunningAndon andon;
    WebClient http;

    @BeforeAll
    void start(Vertx vertx) {
        andon = RunningAndon.start(dataDir);
        // Luca leads L2 on the early shift: he may raise and move alerts there.
        http = andon.client(vertx, "luca.bianchi");
    }

    @AfterAll
    void stop() {
        http.close();
        andon.close();
    }

    HttpResponse<Buffer> postRaw(String path, String body) {
        return http.postAbs(andon.url(path)).putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body)).await();
    }

    int storedAlerts() {
        return http.getAbs(andon.url("/api/alerts?limit=1000")).send().await().bodyAsJsonObject().getInteger("count");
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        int before = storedAlerts();
        HttpResponse<Buffer> r = postRaw("/api/alerts", "{\"source\": \"vib\", \"line\": ");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getString("error")).isEqualTo("invalid-input");
        assertThat(body.getJsonArray("problems").getJsonObject(0).getString("message")).contains("malformed JSON", "line 1");
        assertThat(storedAlerts()).isEqualTo(before);
    }

    @Test
    void missingAndUnknownFieldsAreEachNamed() {
        int before = storedAlerts();
        JsonObject alert = AlertToAnswerEndToEndTest.vibrationAlert();
        alert.remove("severity");
        alert.put("line", "L9").put("confidence", 3.5);
        HttpResponse<Buffer> r = postRaw("/api/alerts", alert.encode());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getJsonArray("problems").stream().map(p -> ((JsonObject) p).getString("field")))
                .contains("severity", "line", "confidence");
        assertThat(storedAlerts()).isEqualTo(before);
    }

    @Test
    void unknownStationOnAKnownLineIsRefused() {
        JsonObject alert = AlertToAnswerEndToEndTest.vibrationAlert().put("station", "press-9");
        HttpResponse<Buffer> r = postRaw("/api/alerts", alert.encode());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsString()).contains("station", "press-9");
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        int before = storedAlerts();
        JsonObject alert = AlertToAnswerEndToEndTest.vibrationAlert()
                .put("payload", new JsonObject().put("blob", "x".repeat(2_000_000)));
        HttpResponse<Buffer> r = postRaw("/api/alerts", alert.encode());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("payload-too-large");
        assertThat(storedAlerts()).isEqualTo(before);
    }

    @Test
    void unknownAlertIs404WithJson() {
        HttpResponse<Buffer> r = http.getAbs(andon.url("/api/alerts/424242")).send().await();
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.bodyAsJsonObject().getString("message")).contains("alert '424242' not found");
    }

    @Test
    void unknownLineStatusIs404AndBadFilterIs400() {
        assertThat(http.getAbs(andon.url("/api/lines/L9/status")).send().await().statusCode()).isEqualTo(404);
        HttpResponse<Buffer> r = http.getAbs(andon.url("/api/alerts?state=sleeping&line=L9")).send().await();
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getJsonArray("problems")).hasSize(2);
    }

    @Test
    void illegalTransitionIs409() {
        HttpResponse<Buffer> posted = postRaw("/api/alerts", AlertToAnswerEndToEndTest.vibrationAlert()
                .put("station", "coil-1").put("type", "temperature-drift").encode());
        String id = posted.bodyAsJsonObject().getJsonObject("alert").getString("id");
        HttpResponse<Buffer> r = postRaw("/api/alerts/" + id + "/transitions",
                new JsonObject().put("to", "in-progress").encode());
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(409);
        assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("conflict");
    }

    @Test
    void unknownEndpointIsJson404() {
        HttpResponse<Buffer> r = http.getAbs(andon.url("/api/nothing-here")).send().await();
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("not-found");
    }
}
