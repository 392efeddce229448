package dev.andon.web;

import dev.andon.web.bench.BenchSignIn;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The real service in a child JVM on a data folder, for tests that kill it, starve it of disk or restart it: the
 * test kit's counterpart of {@link RunningAndon} where the process itself is under test. Its output goes to
 * {@code child.log} in the data folder.
 */
final class ChildAndon {
    final Process process;
    final String base;
    private final Path data;

    private ChildAndon(Process process, String base, Path data) {
        this.process = process;
        this.base = base;
        this.data = data;
    }

    /** Starts the service on a free port and waits until it serves. */
    static ChildAndon start(Path data, HttpClient client) throws IOException {
        return start(data, client, Duration.ZERO);
    }

    /**
     * As {@link #start(Path, HttpClient)}, with the service's clock {@code ahead} of real time ({@link ClockAheadMain}):
     * a restart after a long outage, for what fell due while the service was down.
     */
    static ChildAndon start(Path data, HttpClient client, Duration ahead) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ahead.isZero() ? "dev.andon.web.Main" : ClockAheadMain.class.getName())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("child.log").toFile()));
        pb.environment().put("ANDON_HTTP_PORT", Integer.toString(port));
        pb.environment().put("ANDON_DATA_DIR", data.toString());
        pb.environment().put("ANDON_ADMIN_PASSWORD", RunningAndon.ADMIN_PASSWORD);
        pb.environment().put(ClockAheadMain.AHEAD_SECONDS, Long.toString(ahead.toSeconds()));
        ChildAndon child = new ChildAndon(pb.start(), "http://127.0.0.1:" + port, data);
        try {
            // each probe has its own timeout: one exchange stuck while the server comes up must not use the whole wait
            await().atMost(180, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> client.send(HttpRequest.newBuilder(URI.create(child.base + "/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the service did not serve within 180 s; its threads:\n" + threadDump(child.process), e);
        }
        return child;
    }

    /** What a service that does not come up is doing (jstack of the child), for the failure message. */
    private static String threadDump(Process p) {
        try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    Long.toString(p.pid())).redirectErrorStream(true).start();
            String out = new String(jstack.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jstack.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    /**
     * A model gateway's machine token (alerts:write), made by the first administrator (whose password comes from the
     * environment at first start): senders raise alerts the way a gateway does.
     */
    String gatewayToken(String name) throws Exception {
        String admin = BenchSignIn.person(base, "admin", RunningAndon.ADMIN_PASSWORD);
        return BenchSignIn.machine(base, admin, name, "alerts:write").substring("Bearer ".length());
    }

    /** The last lines the service wrote, for a failure message. */
    static String logTail(Path data) {
        Path log = data.resolve("child.log");
        try {
            if (!Files.exists(log)) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
