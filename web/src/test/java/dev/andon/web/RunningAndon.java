package dev.andon.web;

import dev.andon.web.app.AndonApplication;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the real application on a free port with a data folder of the test's, and the bundled sample plant.
 * The clock is fixed inside the early shift (09:00 in Rome), so who is on shift is known.
 */
final class RunningAndon implements AutoCloseable {
    static final Instant NINE_AM_ROME = Instant.parse("2026-11-25T08:00:00Z");

    final AndonApplication app;
    final Path dataDir;

    private RunningAndon(AndonApplication app, Path dataDir) {
        this.app = app;
        this.dataDir = dataDir;
    }

    static RunningAndon start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    static RunningAndon start(Path dataDir, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putIfAbsent("ANDON_HTTP_PORT", "0");
        env.put("ANDON_DATA_DIR", dataDir.toString());
        return new RunningAndon(AndonApplication.start(env, Clock.fixed(NINE_AM_ROME, ZoneOffset.UTC)), dataDir);
    }

    /**
     * A bearer token for a person of the sample plant (anna.rossi, roberta.fontana, …); send it as
     * {@code Authorization: Bearer <token>}. (Interim form until real sign-in lands; callers do not change.)
     */
    String tokenFor(String personId) {
        return "pending-sign-in:" + personId;
    }

    int port() {
        return app.port();
    }

    String url(String path) {
        return "http://localhost:" + port() + path;
    }

    @Override
    public void close() {
        app.close();
    }
}
