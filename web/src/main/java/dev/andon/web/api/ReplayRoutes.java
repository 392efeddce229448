package dev.andon.web.api;

import dev.andon.connectors.replay.AlertSink;
import dev.andon.connectors.replay.RecordedAlertReplay;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.Uploads;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * POST /api/replay: a recording of alerts (JSON Lines, multipart) goes through the normal intake at once, as a
 * burst happening now — to see what today's runbooks make of a recorded day. Answers with what was accepted and each
 * refused line.
 */
public final class ReplayRoutes {
    private static final int MAX_ALERTS = 10_000;
    private final RecordedAlertReplay replay;
    private final AlertSink sink;
    private final EngineWorkers workers;
    private final JsonResponses responses;

    public ReplayRoutes(RecordedAlertReplay replay, AlertSink sink, EngineWorkers workers, JsonResponses responses) {
        this.replay = replay;
        this.sink = sink;
        this.workers = workers;
        this.responses = responses;
    }

    public void mount(Router router) {
        router.post("/api/replay").handler(this::replay);
    }

    private void replay(RoutingContext ctx) {
        List<FileUpload> files = Uploads.require(ctx);
        FileUpload recording = files.get(0);
        workers.run(() -> {
            try (var in = Files.newBufferedReader(Path.of(recording.uploadedFileName()), StandardCharsets.UTF_8)) {
                return replay.replay(in, 0, MAX_ALERTS, sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).onSuccess(report -> responses.ok(ctx, report)).onFailure(ctx::fail);
    }
}
