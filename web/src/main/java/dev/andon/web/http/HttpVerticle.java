package dev.andon.web.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.List;
import java.util.function.Consumer;

/**
 * The HTTP server: security headers, body limits, sign-in and the permission guards first, then every API route, the static UI, and the one failure handler. Routes come
 * in as mount functions so the composition root decides what is served.
 */
public final class HttpVerticle extends VerticleBase {
    private final int port;
    private final long jsonBodyLimit;
    private final long uploadBodyLimit;
    private final String uploadsDir;
    private final List<Consumer<Router>> routes;
    private final ErrorResponder errors;
    private final Handler<RoutingContext> securityHeaders;
    private final Handler<RoutingContext> authenticator;
    private final Consumer<Router> guards;
    private volatile HttpServer server;

    public HttpVerticle(int port, long jsonBodyLimit, long uploadBodyLimit, String uploadsDir,
                        Handler<RoutingContext> securityHeaders, Handler<RoutingContext> authenticator,
                        Consumer<Router> guards, List<Consumer<Router>> routes, ErrorResponder errors) {
        this.port = port;
        this.jsonBodyLimit = jsonBodyLimit;
        this.uploadBodyLimit = uploadBodyLimit;
        this.uploadsDir = uploadsDir;
        this.routes = List.copyOf(routes);
        this.errors = errors;
        this.securityHeaders = securityHeaders;
        this.authenticator = authenticator;
        this.guards = guards;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.route().handler(securityHeaders);
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
        // Who is asking, then whether they may: both before any feature route sees the request.
        router.route("/api/*").handler(authenticator);
        router.route("/knowledge/*").handler(authenticator); // section pages cited by chat answers: same sign-in
        router.route("/metrics").handler(authenticator); // a scraper brings a machine token with metrics:read

        guards.accept(router);
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
