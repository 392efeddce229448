package dev.andon.web.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.List;
import java.util.function.Consumer;

/**
 * The HTTP server: body limits first, then every API route, the static UI, and the one failure handler. Routes come
 * in as mount functions so the composition root decides what is served.
 */
public final class HttpVerticle extends VerticleBase {
    private final int port;
    private final long jsonBodyLimit;
    private final long uploadBodyLimit;
    private final String uploadsDir;
    private final List<Consumer<Router>> routes;
    private final ErrorResponder errors;
    private final io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> signIn;
    private volatile HttpServer server;

    public HttpVerticle(int port, long jsonBodyLimit, long uploadBodyLimit, String uploadsDir,
                        List<Consumer<Router>> routes, ErrorResponder errors,
                        io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> signIn) {
        this.port = port;
        this.jsonBodyLimit = jsonBodyLimit;
        this.uploadBodyLimit = uploadBodyLimit;
        this.uploadsDir = uploadsDir;
        this.routes = List.copyOf(routes);
        this.errors = errors;
        this.signIn = signIn;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        // Uploads get their own, larger limit; everything else is JSON and small.
        router.route("/api/knowledge/documents").handler(BodyHandler.create(uploadsDir).setBodyLimit(uploadBodyLimit)
                .setDeleteUploadedFilesOnEnd(true));
        router.route("/api/replay").handler(BodyHandler.create(uploadsDir).setBodyLimit(uploadBodyLimit)
                .setDeleteUploadedFilesOnEnd(true));
        router.route("/api/rulesets").handler(BodyHandler.create(uploadsDir).setBodyLimit(uploadBodyLimit)
                .setDeleteUploadedFilesOnEnd(true));
        router.route("/api/*").handler(ctx -> {
            if (ctx.body().available()) {
                ctx.next();
            } else {
                BodyHandler.create(false).setBodyLimit(jsonBodyLimit).handle(ctx);
            }
        });
        router.route("/api/*").handler(signIn);
        routes.forEach(r -> r.accept(router));
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
        router.route().failureHandler(errors);
        router.route().last().handler(ctx -> ctx.fail(404));
        return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
                .requestHandler(router)
                .listen(port)
                .onSuccess(s -> server = s);
    }

    /** The bound port (useful when started on port 0). */
    public int actualPort() {
        return server == null ? -1 : server.actualPort();
    }
}
