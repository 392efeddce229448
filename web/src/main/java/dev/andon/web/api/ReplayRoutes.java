package dev.andon.web.api;

import dev.andon.connectors.Connectors;
import dev.andon.connectors.replay.RecordedAlertReplay;
import dev.andon.connectors.replay.ReplayReport;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Principal;
import dev.andon.web.auth.Principals;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.Uploads;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * POST /api/replay: a recording (multipart field {@code recording}: JSON Lines of alert documents, or CSV / JSON Lines
 * of telemetry with a {@code mapping} file) through the normal intake. The whole file is checked first: refused as a
 * whole → 4xx and nothing written; bad lines → listed by line number in a 2xx report. {@code speed=max} (default)
 * answers with the report; {@code speed=60x} starts a paced replay and answers 202 with its id, followed at
 * GET /api/replay/{id}.
 */
public final class ReplayRoutes {
    private final Connectors connectors;
    private final EngineWorkers workers;
    private final JsonResponses responses;

    public ReplayRoutes(Connectors connectors, EngineWorkers workers, JsonResponses responses) {
        this.connectors = connectors;
        this.workers = workers;
        this.responses = responses;
    }

    public void mount(Router router) {
        router.post("/api/replay").handler(this::replay);
        router.get("/api/replay/:id").handler(ctx -> {
            Principal who = Principals.of(ctx);
            responses.ok(ctx, connectors.replayJob(who, ctx.pathParam("id")));
        });
    }

    private void replay(RoutingContext ctx) {
        Principal who = Principals.of(ctx);
        List<FileUpload> files = Uploads.require(ctx);
        FileUpload recording = files.stream().filter(f -> "recording".equals(f.name())).findFirst()
                .orElseGet(() -> files.stream().filter(f -> !"mapping".equals(f.name())).findFirst()
                        .orElseThrow(() -> new InvalidInputException("recording", "a recording file is required")));
        FileUpload mapping = files.stream().filter(f -> "mapping".equals(f.name())).findFirst().orElse(null);
        String speedText = ctx.queryParams().get("speed") != null ? ctx.queryParams().get("speed")
                : ctx.request().getFormAttribute("speed");
        double speed = RecordedAlertReplay.speed(speedText);
        workers.run(() -> connectors.replay(who, read(recording), mapping == null ? null : read(mapping), speed))
                .onSuccess(result -> responses.send(ctx, result instanceof ReplayReport ? 200 : 202, result))
                .onFailure(ctx::fail);
    }

    private static byte[] read(FileUpload f) {
        try {
            return Files.readAllBytes(Path.of(f.uploadedFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file " + f.fileName(), e);
        }
    }
}
