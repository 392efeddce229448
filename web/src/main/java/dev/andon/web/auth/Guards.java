package dev.andon.web.auth;

import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.UnauthenticatedException;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Mounts one guard per API operation, ahead of the feature routes: 401 without a principal, 403 without the
 * permission (on the line in the path, when there is one). A request to /api that no operation claims is answered
 * 404 before any feature handler can see it, so a new endpoint is closed until it is listed.
 */
public final class Guards {
    private static final String CLAIMED = "andon.claimed";
    private final PermissionPolicy policy;
    private final List<ApiOperation> operations;

    public Guards(PermissionPolicy policy, List<ApiOperation> operations) {
        this.policy = policy;
        this.operations = operations;
    }

    public void mount(Router router) {
        for (ApiOperation op : operations) {
            router.route(op.method(), op.path()).handler(ctx -> guard(ctx, op));
        }
        router.route("/api/*").handler(ctx -> {
            if (ctx.get(CLAIMED) == null) {
                ctx.fail(new NotFoundException("endpoint", ctx.request().method() + " " + ctx.request().path()));
            } else {
                ctx.next();
            }
        });
    }

    private void guard(RoutingContext ctx, ApiOperation op) {
        ctx.put(CLAIMED, op);
        if (op.open()) {
            ctx.next();
            return;
        }
        Principal who = Principals.find(ctx).orElse(null);
        if (who == null) {
            ctx.fail(new UnauthenticatedException("sign in first (POST /api/auth/login, or a bearer token)"));
            return;
        }
        if (op.action() != null) {
            String line = op.lineParam() == null ? null : ctx.pathParam(op.lineParam());
            policy.require(who, op.action(), line);
        }
        ctx.next();
    }
}
