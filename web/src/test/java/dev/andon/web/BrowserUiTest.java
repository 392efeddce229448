package dev.andon.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The page people use, in a real headless Chromium: open alerts with owner and steps, a chat that cites, no script injection. */
@ExtendWith(VertxExtension.class)
class BrowserUiTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path profileDir;
    RunningAndon andon;
    WebDriver browser;

    @BeforeEach
    void start(Vertx vertx) {
        andon = RunningAndon.start(dataDir);
        WebClient http = andon.gatewayClient(vertx);
        http.postAbs(andon.url("/api/alerts")).sendJsonObject(AlertToAnswerEndToEndTest.vibrationAlert()
                .put("payload", new JsonObject().put("note", "<img src=x onerror=\"document.title='pwned'\">"))).await();
        http.close();

        browser = HeadlessChromium.open(profileDir);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        andon.close();
    }

    /** Signs in through the page's own form, as a person would. */
    WebDriverWait signIn(String person) {
        browser.get(andon.url("/"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // Live updates re-render the cards: an element found a moment ago may be replaced; look again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-user"))).sendKeys(person);
        browser.findElement(By.id("sign-in-password")).sendKeys(andon.passwordOf(person));
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("me-name")));
        return wait;
    }

    @Test
    void operatorSeesTheOpenAlertWithOwnerAndStepsAndGetsACitedAnswer() {
        WebDriverWait wait = signIn("anna.rossi");

        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts li.alert")));
        assertThat(card.findElement(By.tagName("h3")).getText()).contains("vibration-anomaly", "L2/press-3");
        assertThat(card.findElement(By.className("owner")).getText()).startsWith("Owner:").contains("on-shift");
        assertThat(card.findElements(By.cssSelector(".steps li"))).isNotEmpty();
        assertThat(card.findElement(By.cssSelector(".steps li .cite")).getText()).startsWith("[").contains("§");

        String id = card.getAttribute("data-alert-id");
        WebElement input = browser.findElement(By.id("chat-input"));
        input.sendKeys("what do I do about alert " + id + "?");
        browser.findElement(By.cssSelector("#chat-form button")).click();
        WebElement answer = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages li.assistant")));
        wait.until(d -> !answer.findElements(By.cssSelector(".citations a")).isEmpty());
        assertThat(answer.findElement(By.className("citations")).getText()).startsWith("Sources:").contains("§");

        input.sendKeys("<b onmouseover=alert(1)>bold</b><script>document.title='pwned'</script>");
        browser.findElement(By.cssSelector("#chat-form button")).click();
        wait.until(d -> d.findElements(By.cssSelector("#messages li.assistant")).size() >= 2);
        assertThat(browser.findElements(By.cssSelector("#messages li.user")).get(1).getText()).contains("<script>");
        assertThat(browser.findElements(By.cssSelector("#messages b, #messages script, #alerts img"))).isEmpty();
        assertThat(browser.getTitle()).isEqualTo("Andon");
    }

    @Test
    void anAnswerFromAnUncontrolledWikiPageSaysSoAtItsSource(Vertx vertx) {
        // a plant's own wiki page as published: no owner, no review date, so it is cited as uncontrolled
        WebClient owner = andon.client(vertx, "roberta.fontana");
        var uploaded = owner.postAbs(andon.url("/api/knowledge/documents")).sendMultipartForm(MultipartForm.create()
                .attribute("type", "work-instruction")
                .binaryFileUpload("file", "chip-conveyor.md", Buffer.buffer("# Chip conveyor\n\n## Weekly cleaning\n\n"
                        + "Empty the chip bin of the lathe conveyor every Friday before the late shift and brush the "
                        + "hinge belt with the nylon brush.\n"), "text/markdown")).await();
        owner.close();
        assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isIn(200, 201);

        WebDriverWait wait = signIn("anna.rossi");
        browser.findElement(By.id("chat-input")).sendKeys("when do I empty the chip bin of the lathe conveyor?");
        browser.findElement(By.cssSelector("#chat-form button")).click();
        WebElement answer = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages li.assistant")));
        wait.until(d -> !answer.findElements(By.cssSelector(".citations")).isEmpty());
        assertThat(answer.getText()).contains("Friday");
        assertThat(answer.findElement(By.className("citations")).getText()).contains("chip-conveyor", "(uncontrolled)");
    }

    @Test
    void aNewAlertAppearsLiveWithoutReloading(Vertx vertx) {
        WebDriverWait wait = signIn("anna.rossi");
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
        int before = browser.findElements(By.cssSelector("#alerts li.alert")).size();

        WebClient http = andon.gatewayClient(vertx);
        http.postAbs(andon.url("/api/alerts")).sendJsonObject(AlertToAnswerEndToEndTest.vibrationAlert()
                .put("line", "L1").put("station", "robot-2").put("type", "power-failure-risk")).await();
        http.close();

        wait.until(d -> d.findElements(By.cssSelector("#alerts li.alert")).size() == before + 1);
        assertThat(browser.findElement(By.cssSelector("#alerts li.alert h3")).getText()).contains("L1/robot-2");
    }

    @Test
    void anOperatorActsOnTheirOwnLineOnlyAndAProcessOwnerApprovesSomeoneElsesRunbook(Vertx vertx) throws Exception {
        WebClient gateway = andon.gatewayClient(vertx);
        gateway.postAbs(andon.url("/api/alerts")).sendJsonObject(AlertToAnswerEndToEndTest.vibrationAlert()
                .put("line", "L1").put("station", "robot-2").put("type", "power-failure-risk")).await();
        gateway.close();

        WebDriverWait wait = signIn("anna.rossi");
        wait.until(d -> d.findElements(By.cssSelector("#alerts li.alert")).size() == 2);
        WebElement own = browser.findElement(By.xpath("//li[contains(@class,'alert')][.//h3[contains(.,'L2/press-3')]]"));
        WebElement other = browser.findElement(By.xpath("//li[contains(@class,'alert')][.//h3[contains(.,'L1/robot-2')]]"));
        assertThat(other.findElements(By.cssSelector(".actions button"))).as("another line's alert offers no action").isEmpty();
        own.findElement(By.cssSelector(".actions button[data-to='acknowledged']")).click();
        wait.until(d -> d.findElement(By.xpath("//li[contains(@class,'alert')][.//h3[contains(.,'L2/press-3')]]//div[@class='meta']"))
                .getText().contains("acknowledged"));
        assertThat(browser.findElement(By.id("runbooks-panel")).isDisplayed()).as("operators do not govern runbooks").isFalse();
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-user")));

        // A runbook author uploads the plant's rules as a new version; the process owner backtests and approves it.
        MultipartForm form = MultipartForm.create();
        try (var files = java.nio.file.Files.list(dataDir.resolve("sample-plant/rules"))) {
            for (Path f : files.filter(f -> f.toString().matches(".*\\.(drl|csv|xlsx)")).sorted().toList()) {
                byte[] content = java.nio.file.Files.readAllBytes(f);
                if (f.getFileName().toString().equals("runbooks.drl")) {
                    // A real change (a comment), so that this is a new version rather than the active one again.
                    content = (new String(content, java.nio.charset.StandardCharsets.UTF_8)
                            + "\n// reviewed by Bruno Esposito\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                form.binaryFileUpload("files", f.getFileName().toString(), io.vertx.core.buffer.Buffer.buffer(content),
                        "application/octet-stream");
            }
        }
        WebClient author = andon.client(vertx, "bruno.esposito");
        var uploaded = author.postAbs(andon.url("/api/rulesets")).sendMultipartForm(form).await();
        author.close();
        assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(201);

        // The form still holds the previous person's name after signing out: type over it, not after it.
        browser.findElement(By.id("sign-in-user")).clear();
        browser.findElement(By.id("sign-in-user")).sendKeys("roberta.fontana");
        browser.findElement(By.id("sign-in-password")).clear();
        browser.findElement(By.id("sign-in-password")).sendKeys(andon.passwordOf("roberta.fontana"));
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        By mine = By.xpath("//li[contains(@class,'ruleset')][contains(.,'by bruno.esposito')]");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//li[contains(@class,'ruleset')][contains(.,'by bruno.esposito')]//button[.='Backtest']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//li[contains(@class,'ruleset')][contains(.,'by bruno.esposito')]//button[.='Approve']"))).click();
        wait.until(d -> d.findElement(mine).findElement(By.className("status")).getText().equals("approved by roberta.fontana"));
    }
}
