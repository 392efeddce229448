package dev.andon.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus Alertmanager (Debian's /usr/bin/prometheus-alertmanager) on a free loopback port, clustering off,
 * with one webhook receiver: Andon, with a bearer token, sending resolved alerts too, grouping by nothing so each
 * alert is its own notification, and flushing within a second.
 */
final class Alertmanager implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    private final Process process;
    private final int port;

    private Alertmanager(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Alertmanager start(Path dir, String webhookUrl, String bearerToken) {
        int port = freePort();
        String config = """
                route:
                  receiver: andon
                  group_by: ['...']
                  group_wait: 0s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: andon
                    webhook_configs:
                      - url: '%s'
                        send_resolved: true
                        http_config:
                          authorization:
                            type: Bearer
                            credentials: '%s'
                """.formatted(webhookUrl, bearerToken);
        try {
            Files.createDirectories(dir.resolve("data"));
            Path file = dir.resolve("alertmanager.yml");
            Files.writeString(file, config);
            Process p = new ProcessBuilder(BINARY.toString(), "--config.file=" + file,
                    "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                    "--cluster.listen-address=")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("alertmanager.log").toFile())
                    .start();
            Alertmanager am = new Alertmanager(p, port);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                    Http.get(am.url("/-/ready"), null).statusCode() == 200);
            return am;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
