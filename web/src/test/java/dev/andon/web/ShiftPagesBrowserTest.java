package dev.andon.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The board, the handover page and the alert card's history in a real headless Chromium against the running service. */
@ExtendWith(VertxExtension.class)
class ShiftPagesBrowserTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path profileDir;
    RunningAndon andon;
    WebDriver browser;
    WebClient http;
    WebDriverWait wait;
    int port;

    @BeforeEach
    void start(Vertx vertx) throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        andon = RunningAndon.start(dataDir, Map.of("ANDON_HTTP_PORT", Integer.toString(port)));
        http = WebClient.create(vertx);
        browser = HeadlessChromium.open(profileDir);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // Live updates re-render tiles and cards: an element found a moment ago may be replaced; look again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        http.close();
        andon.close();
    }

    /** Signs in through the main page's form, as a person would, then opens {@code page}. */
    void signInAs(String person, String page) {
        browser.manage().deleteAllCookies();
        browser.get(andon.url("/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-user"))).sendKeys(person);
        browser.findElement(By.id("sign-in-password")).sendKeys(andon.passwordOf(person));
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("me-name")));
        browser.get(andon.url(page));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    HttpResponse<Buffer> post(String path, String person, Object body) {
        var req = http.postAbs(andon.url(path)).putHeader("Content-Type", "application/json");
        if (person != null) {
            req.putHeader("Authorization", "Bearer " + andon.tokenFor(person));
        }
        return req.sendBuffer(Buffer.buffer(body.toString())).await();
    }

    static JsonObject stateEvent(String key, String station, String state, String reason, String at) {
        JsonObject e = new JsonObject().put("key", key).put("type", "state").put("station", station).put("state", state).put("at", at);
        return new JsonObject().put("events", new JsonArray(List.of(reason == null ? e : e.put("reason", reason))));
    }

    WebElement tile(String line, String station) {
        return browser.findElement(By.cssSelector(".tile[data-line='" + line + "'][data-station='" + station + "']"));
    }

    @Test
    void theBoardShowsEveryStationLiveAndRecoversAfterARestart() {
        post("/api/lines/L2/events", "anna.rossi", stateEvent("b1", "press-3", "running", null, "2026-11-25T05:00:00Z"));
        signInAs("anna.rossi", "/board.html");
        wait.until(d -> d.findElements(By.cssSelector(".tile")).size() == 8);
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
        assertThat(tile("L2", "press-3").getAttribute("class")).contains("st-running");
        assertThat(tile("L2", "press-3").findElement(By.className("oee")).getText()).startsWith("OEE");
        assertThat(browser.findElement(By.cssSelector(".line[data-line='L2'] .shift")).getText()).contains("Early shift");
        js("window.samePage = true");

        post("/api/lines/L2/events", "anna.rossi", stateEvent("b2", "coil-1", "down", "jam", "2026-11-25T07:59:00Z"));
        wait.until(d -> tile("L2", "coil-1").getAttribute("class").contains("st-down"));
        assertThat(tile("L2", "coil-1").findElement(By.className("state")).getText()).isEqualToIgnoringCase("down · jam");
        post("/api/alerts", "luca.bianchi", AlertToAnswerEndToEndTest.vibrationAlert());
        wait.until(d -> tile("L2", "press-3").findElement(By.className("alerts")).getText().equals("⚠ 1"));
        assertThat(js("return window.samePage")).isEqualTo(true);

        andon.close();
        wait.until(d -> !d.findElement(By.id("live")).getAttribute("class").contains("on"));
        andon = RunningAndon.start(dataDir, Map.of("ANDON_HTTP_PORT", Integer.toString(port)));
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
        post("/api/lines/L2/events", "anna.rossi", stateEvent("b3", "coil-1", "running", null, "2026-11-25T07:59:30Z"));
        wait.until(d -> tile("L2", "coil-1").getAttribute("class").contains("st-running"));
        assertThat(js("return window.samePage")).isEqualTo(true);
    }

    @Test
    void aWallScreenWithAScreenTokenAndNobodySignedInFollowsTheBoardLive() {
        String screen = andon.machineToken("hall screen", "alerts:read");
        browser.manage().deleteAllCookies();
        browser.get(andon.url("/board.html"));
        js("localStorage.setItem('andon.token', arguments[0])", screen);
        browser.get(andon.url("/board.html"));
        wait.until(d -> d.findElements(By.cssSelector(".tile")).size() == 8);
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
        assertThat(browser.findElement(By.id("signed-in")).getText()).isEqualTo("screen token");
        js("window.samePage = true");

        post("/api/lines/L2/events", "anna.rossi", stateEvent("w1", "coil-1", "down", "jam", "2026-11-25T07:59:00Z"));

        wait.until(d -> tile("L2", "coil-1").getAttribute("class").contains("st-down"));
        assertThat(js("return window.samePage")).isEqualTo(true);
    }

    @Test
    void leadersEditSignSendBackAndAcceptTheHandoverOnThePage() {
        signInAs("luca.bianchi", "/handover.html?line=L2");
        wait.until(ExpectedConditions.textToBe(By.id("status"), "DRAFT"));
        assertThat(browser.findElement(By.id("gaps")).getText())
                .contains("Nobody on the incoming shift is qualified for:", "Lock-out/tag-out on press-3 (in training: Stefano Moretti)");
        browser.findElement(By.id("notes")).sendKeys("Die D-21 fitted <img src=x onerror=\"document.title='pwned'\">");
        browser.findElement(By.id("openLockouts")).sendKeys("press-3 LOTO tag 17");
        browser.findElement(By.id("new-action")).sendKeys("re-check clamp torque");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "Saved."));
        assertThat(browser.findElements(By.cssSelector("#actions-edit .action .text"))).hasSize(1);
        browser.findElement(By.id("sign")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "SIGNED"));

        signInAs("davide.gallo", "/handover.html?line=L2");
        wait.until(ExpectedConditions.textToBe(By.id("status"), "SIGNED"));
        assertThat(browser.findElement(By.id("notes-text")).getText()).contains("<img src=x");
        browser.findElement(By.id("question-input")).sendKeys("Is press-3 safe to restart?");
        browser.findElement(By.id("send-back")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "SENT-BACK"));

        signInAs("luca.bianchi", "/handover.html?line=L2");
        wait.until(ExpectedConditions.textToBe(By.id("status"), "SENT-BACK"));
        assertThat(browser.findElement(By.id("question")).getText()).contains("Is press-3 safe to restart?");
        browser.findElement(By.id("notes")).sendKeys(" Press-3 stays locked out.");
        browser.findElement(By.id("sign")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "SIGNED"));

        signInAs("davide.gallo", "/handover.html?line=L2");
        wait.until(ExpectedConditions.textToBe(By.id("status"), "SIGNED"));
        browser.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "ACCEPTED"));
        assertThat(browser.findElement(By.id("steps")).getText()).contains("Accepted and locked.");
        assertThat(browser.findElement(By.id("notes-text")).getText()).endsWith("Press-3 stays locked out.");
        assertThat(browser.findElements(By.cssSelector("#report img, #save, #sign"))).isEmpty();
        assertThat(browser.getTitle()).isEqualTo("Andon shift handover");

        js("window.print = () => { window.printed = true; }");
        browser.findElement(By.id("print")).click();
        assertThat(js("return window.printed")).isEqualTo(true);
    }

    @Test
    void someoneWhoIsNotTheLeaderIsToldWhy() {
        signInAs("anna.rossi", "/handover.html?line=L2");
        wait.until(ExpectedConditions.textToBe(By.id("status"), "DRAFT"));
        browser.findElement(By.id("sign")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "may not"));
        assertThat(browser.findElement(By.id("message")).getAttribute("class")).isEqualTo("error");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("DRAFT");
    }

    @Test
    void resolvingOnTheCardAsksWhatFixedItAndTheNextAlertShowsIt() {
        JsonObject alert = AlertToAnswerEndToEndTest.vibrationAlert().put("station", "station-4").put("type", "tool-wear");
        String first = post("/api/alerts", "luca.bianchi", alert).bodyAsJsonObject().getJsonObject("alert").getString("id");
        post("/api/alerts/" + first + "/transitions", "marco.ferri", new JsonObject().put("to", "acknowledged").put("actor", "marco.ferri"));
        signInAs("marco.ferri", "/");
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts li.alert[data-alert-id='" + first + "']")));
        card.findElement(By.cssSelector("button[data-to='resolved']")).click();
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".resolve-form")));
        form.findElement(By.className("cause")).sendKeys("brush worn down to the holder");
        form.findElement(By.className("action")).sendKeys("fitted a new brush");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(d -> d.findElements(By.cssSelector("#alerts li.alert[data-alert-id='" + first + "']")).isEmpty());

        String again = post("/api/alerts", "luca.bianchi", alert.put("source", "wear-model")).bodyAsJsonObject().getJsonObject("alert").getString("id");
        WebElement history = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#alerts li.alert[data-alert-id='" + again + "'] .recurrence")));
        assertThat(history.getText()).contains("Recurred: 2× this month on station-4",
                "cause brush worn down to the holder; action fitted a new brush");
    }
}
