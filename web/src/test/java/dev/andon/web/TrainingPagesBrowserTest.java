package dev.andon.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** My path, the trainer's dashboard and the skills matrix with its coverage gaps, in a real headless Chromium. */
@ExtendWith(VertxExtension.class)
class TrainingPagesBrowserTest {
    static final String WEEK_2 = "weeks-2-3-coil-1-and-station-4";
    @TempDir
    Path dataDir;
    @TempDir
    Path profileDir;
    RunningAndon andon;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        andon = RunningAndon.start(dataDir);
        browser = HeadlessChromium.open(profileDir);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // Live updates re-render tiles and cards: an element found a moment ago may be replaced; look again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
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
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("me-name")));
    }

    @Test
    void anOperatorWorksThroughHerPathAndATrainerSignsOffWhatSheShowed(Vertx vertx) {
        signInAs("anna.rossi", "/training.html");

        // My path: what is next, marking it read moves the count, the quiz is marked in place.
        WebElement next = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#my-path .next")));
        assertThat(next.getText()).isEqualTo("Next: Read TG-L2-OPERATOR §1 Who this is for");
        String before = browser.findElement(By.cssSelector("#my-path .count")).getText();
        browser.findElement(By.cssSelector("li[data-item='read:TG-L2-OPERATOR#1'] button.mark-read")).click();
        wait.until(d -> d.findElement(By.cssSelector("li[data-item='read:TG-L2-OPERATOR#1']")).getAttribute("data-status").equals("done"));
        assertThat(before).startsWith("0 of ");
        assertThat(browser.findElement(By.cssSelector("#my-path .count")).getText()).startsWith("1 of ");
        assertThat(browser.findElement(By.cssSelector("#my-path .next")).getText()).contains("TG-L2-OPERATOR §2");

        browser.findElement(By.cssSelector("li[data-item='quiz:STD-PPE'] button.take-quiz")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quiz-form fieldset")));
        browser.findElement(By.cssSelector("input[name=q0][value='1']")).click();
        browser.findElement(By.cssSelector("input[name=q1][value='0']")).click();
        browser.findElement(By.cssSelector("#quiz-form button[type=submit]")).click();
        WebElement result = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quiz-result .failed")));
        assertThat(result.getText()).isEqualTo("50% — not passed");
        assertThat(browser.findElement(By.cssSelector("#quiz-result .wrong")).getText()).contains("re-read §2");
        browser.findElement(By.cssSelector("input[name=q1][value='2']")).click();
        browser.findElement(By.cssSelector("#quiz-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quiz-result .passed")));
        wait.until(d -> d.findElement(By.cssSelector("li[data-item='quiz:STD-PPE']")).getAttribute("data-status").equals("done"));
        assertThat(browser.findElements(By.id("dashboard-panel")).get(0).isDisplayed()).isFalse();

        // Anna reads and passes the rest of week 2 (through the API, as the page would), then the trainer takes over.
        completeReadingAndQuizzes(vertx, WEEK_2);
        signInAs("luca.bianchi", "/training.html");
        String practical = "#people tr[data-person='anna.rossi'] li.practical[data-module='" + WEEK_2 + "']";
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(practical)));
        int left = browser.findElements(By.cssSelector(practical)).size();
        assertThat(left).isEqualTo(5);
        while (left > 0) {
            browser.findElement(By.cssSelector(practical + " button.observe")).click();
            int expected = --left;
            wait.until(d -> d.findElements(By.cssSelector(practical)).size() == expected);
        }
        WebElement pending = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#people tr[data-person='anna.rossi'] li.pending[data-module='" + WEEK_2 + "']")));
        assertThat(pending.getText()).contains("grants coil-1, station-4");
        pending.findElement(By.cssSelector("button.sign-off")).click();
        wait.until(d -> d.findElements(By.cssSelector("#people tr[data-person='anna.rossi'] li.pending[data-module='" + WEEK_2 + "']")).isEmpty());
        // Luca cannot sign off his own training: his own row offers no enabled button.
        assertThat(browser.findElements(By.cssSelector("#people tr[data-person='luca.bianchi'] button")))
                .allMatch(b -> !b.isEnabled());

        // The skills matrix shows the granted qualification and the coverage gaps of the coming week.
        browser.get(andon.url("/skills.html"));
        WebElement gap = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#gaps li.gap[data-line='L2'][data-shift='night'][data-skill='press-3-lockout']")));
        assertThat(gap.getText()).isEqualTo("Night shift on L2 (2026-11-25): nobody qualified for Lock-out/tag-out on press-3");
        WebElement cell = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#matrix tr[data-person='anna.rossi'][data-skill='station-4']")));
        assertThat(cell.getText()).contains("qualified", "2028-11-25", "sign-off operator@L2/" + WEEK_2);
        assertThat(browser.findElement(By.id("recert")).getText()).contains("Jonas Weber: Coil feeder 1 — expires on 2026-11-30");
        new Select(browser.findElement(By.id("line"))).selectByValue("L1");
        wait.until(d -> d.findElements(By.cssSelector("#gaps li.gap[data-line='L2']")).isEmpty());
    }

    private void completeReadingAndQuizzes(Vertx vertx, String module) {
        WebClient http = WebClient.create(vertx);
        String auth = "Bearer " + andon.tokenFor("anna.rossi");
        JsonObject path = http.getAbs(andon.url("/api/training/paths/operator/L2")).putHeader("Authorization", auth)
                .send().await().bodyAsJsonObject();
        for (Object m : path.getJsonArray("modules")) {
            JsonObject mod = (JsonObject) m;
            if (!mod.getString("id").equals(module)) {
                continue;
            }
            for (Object i : mod.getJsonArray("items")) {
                JsonObject item = (JsonObject) i;
                JsonObject body = new JsonObject().put("role", "operator").put("line", "L2").put("item", item.getString("id"));
                if (item.getString("kind").equals("read")) {
                    assertThat(http.postAbs(andon.url("/api/training/me/read")).putHeader("Authorization", auth)
                            .sendJsonObject(body).await().statusCode()).isEqualTo(200);
                } else if (item.getString("kind").equals("quiz")) {
                    // Both week-2 quizzes (coil change, brush change) have one question whose answer is option 1.
                    JsonArray right = new JsonArray().add(1);
                    assertThat(http.postAbs(andon.url("/api/training/me/quiz")).putHeader("Authorization", auth)
                            .sendJsonObject(body.put("answers", right)).await().bodyAsJsonObject().getBoolean("passed")).isTrue();
                }
            }
        }
        http.close();
    }
}
