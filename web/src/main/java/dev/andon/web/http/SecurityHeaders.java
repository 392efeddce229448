package dev.andon.web.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * Headers every answer carries (no framing, no sniffing, a strict content security policy: the page loads only its
 * own scripts and styles), and a refusal (415) of state changes to JSON endpoints sent as forms or plain text — the
 * body types a cross-site form can send without a preflight.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private final Set<String> multipartPaths;

    public SecurityHeaders(Set<String> multipartPaths) {
        this.multipartPaths = multipartPaths;
    }

    @Override
    public void handle(RoutingContext ctx) {
        MultiMap h = ctx.response().headers();
        h.set("Content-Security-Policy", CSP);
        h.set("X-Frame-Options", "DENY");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        String path = ctx.request().path();
        if (path.startsWith("/api/") && WITH_BODY.contains(ctx.request().method())) {
            String type = ctx.request().getHeader("Content-Type");
            String base = type == null ? "" : type.split(";")[0].trim().toLowerCase();
            boolean multipart = multipartPaths.contains(path) && base.equals("multipart/form-data");
            boolean json = base.equals("application/json");
            String length = ctx.request().getHeader("Content-Length");
            boolean noBody = type == null && ("0".equals(length)
                    || (length == null && ctx.request().getHeader("Transfer-Encoding") == null));
            if (!json && !multipart && !noBody) {
                ctx.response().setStatusCode(415).putHeader("Content-Type", "application/json; charset=utf-8")
                        .end("{\"error\":\"unsupported-media-type\",\"message\":\"send application/json"
                                + (multipartPaths.contains(path) ? " or multipart/form-data" : "") + " to " + path
                                + " (got " + (base.isEmpty() ? "no Content-Type" : base) + ")\"}");
                return;
            }
        }
        ctx.next();
    }
}
