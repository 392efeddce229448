package dev.andon.web.api;

import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Principal;
import dev.andon.knowledge.DeleteOutcome;
import dev.andon.knowledge.DocumentUpload;
import dev.andon.knowledge.IngestResult;
import dev.andon.knowledge.KnowledgeBase;
import dev.andon.knowledge.SearchRequest;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.auth.Principals;
import dev.andon.web.http.Uploads;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Search with filters, documents with sections and versions; upload (one file, or a zip imported file by file),
 * folder import, delete, and the approval of drafts and deletions of controlled documents. Every change is made in
 * the name of the signed-in principal; the knowledge base checks the permission policy.
 */
public final class KnowledgeRoutes {
    private static final int DEFAULT_K = 10;
    private static final int MAX_K = 50;
    private static final int MAX_QUERY = 1000;

    private final KnowledgeBase knowledge;
    private final EngineWorkers workers;
    private final JsonResponses responses;

    public KnowledgeRoutes(KnowledgeBase knowledge, EngineWorkers workers, JsonResponses responses) {
        this.knowledge = knowledge;
        this.workers = workers;
        this.responses = responses;
    }

    public void mount(Router router) {
        router.get("/api/knowledge/search").handler(this::search);
        router.get("/api/knowledge/documents").handler(ctx ->
                respond(ctx, 200, () -> Map.of("documents", knowledge.documents())));
        router.post("/api/knowledge/documents").handler(this::upload);
        router.post("/api/knowledge/imports").handler(this::importFolder);
        router.get("/api/knowledge/drafts").handler(ctx -> respond(ctx, 200, () -> Map.of("drafts", knowledge.drafts())));
        router.get("/api/knowledge/documents/:id/versions/:version/draft").handler(ctx ->
                respond(ctx, 200, () -> knowledge.draft(ctx.pathParam("id"), ctx.pathParam("version"))));
        router.post("/api/knowledge/documents/:id/versions/:version/approve").handler(ctx -> {
            Principal actor = Principals.of(ctx);
            respond(ctx, 200, () -> knowledge.approve(actor, ctx.pathParam("id"), ctx.pathParam("version")));
        });
        router.post("/api/knowledge/documents/:id/versions/:version/reject").handler(ctx -> {
            Principal actor = Principals.of(ctx);
            respond(ctx, 200, () -> {
                knowledge.reject(actor, ctx.pathParam("id"), ctx.pathParam("version"));
                return Map.of("rejected", ctx.pathParam("id"), "version", ctx.pathParam("version"));
            });
        });
        router.post("/api/knowledge/documents/:id/deletion/approve").handler(ctx -> {
            Principal actor = Principals.of(ctx);
            String version = ctx.queryParams().get("version");
            respond(ctx, 200, () -> knowledge.approveDeletion(actor, ctx.pathParam("id"), version));
        });
        router.post("/api/knowledge/documents/:id/deletion/reject").handler(ctx -> {
            Principal actor = Principals.of(ctx);
            String version = ctx.queryParams().get("version");
            respond(ctx, 200, () -> {
                knowledge.rejectDeletion(actor, ctx.pathParam("id"), version);
                return Map.of("rejected", "deletion of " + ctx.pathParam("id"), "version", version == null ? "all" : version);
            });
        });
        router.post("/api/knowledge/rebuild").handler(ctx -> respond(ctx, 200, knowledge::rebuild));
        router.get("/api/knowledge/documents/:id").handler(ctx -> {
            String version = ctx.queryParams().get("version");
            respond(ctx, 200, () -> knowledge.documentVersion(ctx.pathParam("id"), version));
        });
        router.get("/api/knowledge/documents/:id/sections/:section").handler(ctx -> {
            String version = ctx.queryParams().get("version");
            respond(ctx, 200, () -> knowledge.requireSection(ctx.pathParam("id"), ctx.pathParam("section"), version));
        });
        // 200 when the document is gone; 202 when it is controlled and the deletion waits for approval.
        router.delete("/api/knowledge/documents/:id").handler(ctx -> {
            Principal actor = Principals.of(ctx);
            String id = ctx.pathParam("id");
            String version = ctx.queryParams().get("version");
            workers.run(() -> knowledge.delete(actor, id, version)).onSuccess(out -> responses.send(ctx,
                    out.status().equals(DeleteOutcome.PENDING) ? 202 : 200, out)).onFailure(ctx::fail);
        });
    }

    private void search(RoutingContext ctx) {
        List<Problem> problems = new ArrayList<>();
        String q = ctx.queryParams().get("q");
        if (q == null || q.isBlank()) {
            problems.add(new Problem("q", "is required"));
        } else if (q.length() > MAX_QUERY) {
            problems.add(new Problem("q", "is longer than " + MAX_QUERY + " characters"));
        }
        int k = DEFAULT_K;
        String kText = ctx.queryParams().get("k");
        if (kText != null) {
            try {
                k = Integer.parseInt(kText);
                if (k < 1 || k > MAX_K) {
                    problems.add(new Problem("k", "must be between 1 and " + MAX_K));
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem("k", "must be a whole number"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SearchRequest request = new SearchRequest(q, param(ctx, "role"), param(ctx, "line"), param(ctx, "station"),
                param(ctx, "type"), param(ctx, "lang"), k);
        respond(ctx, 200, () -> Map.of("query", q, "hits", knowledge.search(request)));
    }

    /**
     * Multipart: one document file, optionally a second file that is its sidecar ({@code *.meta.yaml}); the other
     * form fields are metadata (type, version, roles, …). A {@code .zip} is imported file by file and answered with the
     * import report. 201 for a stored version, 202 for a draft that waits for approval.
     */
    private void upload(RoutingContext ctx) {
        Principal actor = Principals.of(ctx);
        List<FileUpload> files = Uploads.require(ctx);
        Map<String, String> fields = new LinkedHashMap<>();
        ctx.request().formAttributes().forEach(e -> fields.put(e.getKey(), e.getValue()));
        if (files.size() == 1 && files.get(0).fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            FileUpload zip = files.get(0);
            respond(ctx, 200, () -> knowledge.importArchive(actor, zip.fileName(),
                    Uploads.read(files).get(zip.fileName()), fields));
            return;
        }
        if (files.size() > 2) {
            throw new InvalidInputException("(body)", "upload one document (and at most its .meta.yaml sidecar) per request");
        }
        Optional<FileUpload> sidecar = files.size() == 2
                ? files.stream().filter(f -> f.fileName().endsWith(".meta.yaml")).findFirst() : Optional.empty();
        if (files.size() == 2 && sidecar.isEmpty()) {
            throw new InvalidInputException("(body)", "the second file must be the document's .meta.yaml sidecar");
        }
        FileUpload document = files.stream().filter(f -> sidecar.isEmpty() || f != sidecar.get()).findFirst().orElseThrow();
        workers.run(() -> {
            Map<String, byte[]> content = Uploads.read(files);
            return knowledge.upload(actor, new DocumentUpload(document.fileName(), content.get(document.fileName()),
                    sidecar.map(s -> content.get(s.fileName())).orElse(null), fields));
        }).onSuccess(r -> responses.send(ctx, r.status().equals(IngestResult.DRAFT) ? 202 : 201, r)).onFailure(ctx::fail);
    }

    /** JSON {@code {"path": "/srv/wiki", "fields": {"type": "training-guide"}}}: a folder on the server (admins). */
    private void importFolder(RoutingContext ctx) {
        Principal actor = Principals.of(ctx);
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            throw new InvalidInputException("(body)", "a JSON object {\"path\": \"/absolute/folder\"} is required");
        }
        if (body == null || !(body.getValue("path") instanceof String path) || path.isBlank()) {
            throw new InvalidInputException("path", "is required: the absolute path of a folder on the server");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        JsonObject given = body.getValue("fields") instanceof JsonObject o ? o : new JsonObject();
        given.forEach(e -> fields.put(e.getKey(), String.valueOf(e.getValue())));
        Path folder;
        try {
            folder = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidInputException("path", "'" + path + "' is not a valid path");
        }
        respond(ctx, 200, () -> knowledge.importFolder(actor, folder, fields));
    }

    private static String param(RoutingContext ctx, String name) {
        String v = ctx.queryParams().get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private void respond(RoutingContext ctx, int status, Callable<Object> work) {
        responses.reply(ctx, status, workers.run(work));
    }
}
