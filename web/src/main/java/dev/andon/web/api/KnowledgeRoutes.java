package dev.andon.web.api;

import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.knowledge.KnowledgeBase;
import dev.andon.knowledge.SearchRequest;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.Uploads;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Search with filters, documents with sections and versions, upload and delete. */
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
        router.post("/api/knowledge/rebuild").handler(ctx -> respond(ctx, 200, knowledge::rebuild));
        router.get("/api/knowledge/documents/:id").handler(ctx -> {
            String version = ctx.queryParams().get("version");
            respond(ctx, 200, () -> knowledge.documentVersion(ctx.pathParam("id"), version));
        });
        router.get("/api/knowledge/documents/:id/sections/:section").handler(ctx -> {
            String version = ctx.queryParams().get("version");
            respond(ctx, 200, () -> knowledge.requireSection(ctx.pathParam("id"), ctx.pathParam("section"), version));
        });
        router.delete("/api/knowledge/documents/:id").handler(ctx -> {
            String id = ctx.pathParam("id");
            String version = ctx.queryParams().get("version");
            respond(ctx, 200, () -> {
                if (version == null) {
                    knowledge.delete(id);
                } else {
                    knowledge.deleteVersion(id, version);
                }
                return Map.of("deleted", id, "version", version == null ? "all" : version);
            });
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

    /** Multipart: one document file, optionally a second file that is its PDF sidecar ({@code *.meta.yaml}). */
    private void upload(RoutingContext ctx) {
        List<FileUpload> files = Uploads.require(ctx);
        if (files.size() > 2) {
            throw new InvalidInputException("(body)", "upload one document (and at most its .meta.yaml sidecar) per request");
        }
        Optional<FileUpload> sidecar = files.size() == 2
                ? files.stream().filter(f -> f.fileName().endsWith(".meta.yaml")).findFirst() : Optional.empty();
        if (files.size() == 2 && sidecar.isEmpty()) {
            throw new InvalidInputException("(body)", "the second file must be the document's .meta.yaml sidecar");
        }
        FileUpload document = files.stream().filter(f -> sidecar.isEmpty() || f != sidecar.get()).findFirst().orElseThrow();
        respond(ctx, 201, () -> {
            Map<String, byte[]> content = Uploads.read(files);
            return knowledge.ingest(document.fileName(), content.get(document.fileName()),
                    sidecar.map(s -> content.get(s.fileName())).orElse(null));
        });
    }

    private static String param(RoutingContext ctx, String name) {
        String v = ctx.queryParams().get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private void respond(RoutingContext ctx, int status, Callable<Object> work) {
        responses.reply(ctx, status, workers.run(work));
    }
}
