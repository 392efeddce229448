package dev.andon.connectors.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A real Mosquitto broker (Debian's /usr/sbin/mosquitto) on a free loopback port, with a generated configuration:
 * anonymous, with a password file, or with TLS. It persists its sessions to the test's folder, so it can be stopped
 * and started again on the same port with what it kept.
 */
public final class Mosquitto implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private final Path dir;
    private final int port;
    private final Path config;
    private Process process;

    private Mosquitto(Path dir, int port, Path config) {
        this.dir = dir;
        this.port = port;
        this.config = config;
    }

    public static Mosquitto anonymous(Path dir) {
        return start(dir, List.of("allow_anonymous true"));
    }

    public static Mosquitto withPassword(Path dir, String user, String password) {
        Path file = dir.resolve("passwd");
        run(List.of("/usr/bin/mosquitto_passwd", "-b", "-c", file.toString(), user, password));
        return start(dir, List.of("allow_anonymous false", "password_file " + file));
    }

    public static Mosquitto withTls(Path dir, SelfSignedCertificate cert) {
        return start(dir, List.of("allow_anonymous true", "certfile " + cert.certPem(), "keyfile " + cert.keyPem()));
    }

    private static Mosquitto start(Path dir, List<String> listenerLines) {
        int port = freePort();
        List<String> lines = new ArrayList<>();
        // Run as root (as in CI), mosquitto would switch to user mosquitto, who cannot read the test's folder.
        lines.add("user " + System.getProperty("user.name"));
        lines.add("persistence true");
        lines.add("persistence_location " + dir.toAbsolutePath() + "/");
        lines.add("autosave_interval 1");
        lines.add("log_dest stdout");
        lines.add("max_queued_messages 100000");
        lines.add("listener " + port + " 127.0.0.1");
        lines.addAll(listenerLines);
        Path config = dir.resolve("mosquitto.conf");
        try {
            Files.write(config, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Mosquitto m = new Mosquitto(dir, port, config);
        m.startProcess();
        return m;
    }

    public int port() {
        return port;
    }

    public synchronized void startProcess() {
        try {
            process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + BINARY, e);
        }
        await().atMost(Duration.ofSeconds(10)).until(this::listening);
    }

    /** Stops the broker (SIGTERM: it saves its sessions and queued messages) and waits until it is gone. */
    public synchronized void stopProcess() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(command + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stopProcess();
    }
}
