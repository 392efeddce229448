package dev.andon.web.bench;

import dev.andon.web.app.AndonApplication;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The andon board under load: a plant of 20 lines × 20 stations (400 tiles), the real service, 1,000 station state
 * changes a second for {@code bench.seconds} posted as line-event batches (one batch per line every 20 ms), while an
 * SSE client on /api/events and (with {@code -Dbench.browser=true}) the board page in headless Chromium listen.
 * Prints how many changes reached the stream, their delay from report to arrival, the POST latency, and whether the
 * board showed every tile's last state right after the load stopped.
 *
 * <pre>java -cp … dev.andon.web.bench.BoardBench   (./andon bench shift)</pre>
 */
public final class BoardBench {
    private static final String[] STATES = {"running", "idle", "blocked", "starved", "changeover", "running"};

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        int rate = Integer.getInteger("bench.rate", 1000);
        boolean browser = Boolean.parseBoolean(System.getProperty("bench.browser", "true"));
        Path dir = Files.createTempDirectory("board-bench");
        Path plantFile = dir.resolve("plant.yaml");
        Files.writeString(plantFile, plant(20, 20));
        Map<String, String> env = Map.of("ANDON_PLANT_FILE", plantFile.toString(), "ANDON_DATA_DIR", dir.resolve("data").toString(),
                "ANDON_HTTP_PORT", "0", "ANDON_ASSISTANT_INTENT_EMBEDDINGS", "false",
                "ANDON_ADMIN_PASSWORD", ADMIN_PASSWORD);
        System.out.printf(Locale.ROOT, "cores %d, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (AndonApplication app = AndonApplication.start(env, Clock.systemUTC())) {
            Vertx vertx = Vertx.vertx();
            String base = "http://localhost:" + app.port();
            // As a plant runs it: the line controllers post with a gateway's token, the wall screen reads with its own.
            String admin = BenchSignIn.person(base, "admin", ADMIN_PASSWORD);
            String gateway = BenchSignIn.machine(base, admin, "board bench line controllers", "events:write");
            String wall = BenchSignIn.machine(base, admin, "board bench wall screen", "alerts:read");
            ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
            AtomicInteger received = new AtomicInteger();
            HttpClient sse = vertx.createHttpClient(new HttpClientOptions());
            sse.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(base + "/api/events")
                            .putHeader("Authorization", wall))
                    .compose(req -> req.send()).onSuccess(resp -> {
                        StringBuilder buf = new StringBuilder();
                        resp.handler(chunk -> {
                            buf.append(chunk.toString());
                            int end;
                            while ((end = buf.indexOf("\n\n")) >= 0) {
                                String msg = buf.substring(0, end);
                                buf.delete(0, end + 2);
                                if (msg.startsWith("event: station")) {
                                    JsonObject s = new JsonObject(msg.substring(msg.indexOf("data: ") + 6));
                                    lags.add(System.currentTimeMillis() - Instant.parse(s.getString("since")).toEpochMilli());
                                    received.incrementAndGet();
                                }
                            }
                        });
                    });
            WebDriver page = browser ? openBoard(base, dir, wall) : null;

            WebClient http = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions(),
                    new io.vertx.core.http.PoolOptions().setHttp1MaxSize(32));
            int perBatch = rate / 50;   // 50 batches a second, one line each, round robin
            long next = System.nanoTime();
            int sent = 0;
            Map<String, String> last = new HashMap<>();
            List<io.vertx.core.Future<?>> posts = new ArrayList<>();
            ConcurrentLinkedQueue<Long> postMs = new ConcurrentLinkedQueue<>();
            for (int b = 0; b < seconds * 50; b++) {
                String line = String.format(Locale.ROOT, "L%02d", b % 20 + 1);
                JsonArray events = new JsonArray();
                long now = System.currentTimeMillis();
                for (int i = 0; i < perBatch; i++) {
                    String station = String.format(Locale.ROOT, "s%02d", (b * perBatch + i) % 20 + 1);
                    String state = STATES[(b + i) % STATES.length];
                    events.add(new JsonObject().put("key", "k" + b + "-" + i).put("type", "state").put("station", station)
                            .put("state", state).put("at", Instant.ofEpochMilli(now).plusMillis(i).toString()));
                    last.put(line + "/" + station, state);
                    sent++;
                }
                long t = System.nanoTime();
                posts.add(http.postAbs(base + "/api/lines/" + line + "/events").putHeader("Authorization", gateway)
                        .sendJsonObject(new JsonObject().put("events", events))
                        .onSuccess(r -> {
                            if (r.statusCode() != 200) {
                                System.err.println("POST " + r.statusCode() + " " + r.bodyAsString());
                            }
                            postMs.add((System.nanoTime() - t) / 1_000_000);
                        }));
                next += 20_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            io.vertx.core.Future.all(posts).toCompletionStage().toCompletableFuture().get();
            long sendEnd = System.currentTimeMillis();
            long deadline = sendEnd + 10_000;
            while (received.get() < sent && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            System.out.printf(Locale.ROOT, "sent %d state changes in %d s (%d/s, %d per batch); SSE received %d (%s)%n",
                    sent, seconds, rate, perBatch, received.get(), received.get() >= sent ? "all" : "MISSING " + (sent - received.get()));
            print("report → SSE arrival delay", lags);
            print("POST /api/lines/{id}/events latency", postMs);
            if (page != null) {
                long t0 = System.currentTimeMillis();
                long behind = -1;
                while (System.currentTimeMillis() < t0 + 10_000) {
                    if (mismatches(page, last) == 0) {
                        behind = System.currentTimeMillis() - sendEnd;
                        break;
                    }
                    Thread.sleep(50);
                }
                System.out.printf(Locale.ROOT, "board page: %s tiles, every tile showed its last state %s after the load stopped (%s changes drawn)%n",
                        page.findElements(By.cssSelector(".tile")).size(),
                        behind < 0 ? "NOT within 10 s (" + mismatches(page, last) + " tiles behind)" : behind + " ms",
                        ((JavascriptExecutor) page).executeScript("return document.body.dataset.applied"));
                page.quit();
            }
            http.close();
            sse.close();
            vertx.close();
        }
    }

    private static int mismatches(WebDriver page, Map<String, String> last) {
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) ((JavascriptExecutor) page).executeScript(
                "const m = {}; document.querySelectorAll('.tile').forEach(t => m[t.dataset.line + '/' + t.dataset.station] ="
                        + " t.className.replace('tile st-', '')); return m;");
        int off = 0;
        for (Map.Entry<String, String> e : last.entrySet()) {
            if (!e.getValue().equals(shown.get(e.getKey()))) {
                off++;
            }
        }
        return off;
    }

    private static final String ADMIN_PASSWORD = "board-bench-admin-password";

    private static WebDriver openBoard(String base, Path dir, String wallToken) throws Exception {
        WebDriver page = dev.andon.web.HeadlessChromium.open(Files.createDirectories(dir.resolve("profile")));
        page.get(base + "/board.html");
        ((JavascriptExecutor) page).executeScript("localStorage.setItem('andon.token', arguments[0])", wallToken.substring("Bearer ".length()));
        page.get(base + "/board.html");
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(60));
        wait.until(d -> d.findElements(By.cssSelector(".tile")).size() == 400);
        wait.until(d -> d.findElement(By.id("live")).getAttribute("class").contains("on"));
        return page;
    }

    private static void print(String what, ConcurrentLinkedQueue<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        if (v.length == 0) {
            System.out.println(what + ": no samples");
            return;
        }
        System.out.printf(Locale.ROOT, "%-40s p50 %5d ms   p99 %5d ms   max %5d ms   (n=%d)%n", what, v[v.length / 2],
                v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.99) - 1)], v[v.length - 1], v.length);
    }

    static String plant(int lines, int stations) {
        StringBuilder y = new StringBuilder("""
                id: bench
                name: Bench plant
                timezone: UTC
                roles: [{ id: operator, name: Operator }, { id: team-leader, name: Team leader }]
                shifts: [{ id: day, name: All day, start: "00:00", end: "00:00" }]
                reasons:
                  downtime: [{ code: jam, name: Jam }]
                  scrap: [{ code: burr, name: Burr }]
                people: [{ id: op, name: Bench Operator, roles: [operator, team-leader] }]
                lines:
                """);
        for (int l = 1; l <= lines; l++) {
            y.append(String.format(Locale.ROOT, "  - id: L%02d%n    name: Line %d%n    idealCycleSeconds: 5%n    stations:%n", l, l));
            for (int s = 1; s <= stations; s++) {
                y.append(String.format(Locale.ROOT, "      - { id: s%02d, name: Station %d, idealCycleSeconds: 4 }%n", s, s));
            }
        }
        return y.toString();
    }
}
