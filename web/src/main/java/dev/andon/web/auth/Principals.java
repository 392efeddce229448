package dev.andon.web.auth;

import dev.andon.core.error.UnauthenticatedException;
import dev.andon.core.identity.Principal;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/** Where a request's signed-in principal lives on its routing context; set only by sign-in, read by every route. */
public final class Principals {
    static final String KEY = "andon.principal";

    private Principals() {
    }

    /** The signed-in principal of this request; 401 when there is none. */
    public static Principal of(RoutingContext ctx) {
        return find(ctx).orElseThrow(() -> new UnauthenticatedException("sign in first"));
    }

    public static Optional<Principal> find(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(KEY));
    }

    static void set(RoutingContext ctx, Principal principal) {
        ctx.put(KEY, principal.inRequest(requestId(ctx)));
    }

    /** This request's id (also sent back as X-Request-Id), made when first asked for. */
    public static String requestId(RoutingContext ctx) {
        String id = ctx.get("andon.requestId");
        if (id == null) {
            id = java.util.UUID.randomUUID().toString();
            ctx.put("andon.requestId", id);
            if (!ctx.response().headWritten()) {
                ctx.response().putHeader("X-Request-Id", id);
            }
        }
        return id;
    }
}
