package dev.andon.web.auth;

import dev.andon.core.identity.PlantPeople;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * TEMPORARY, replaced by real sign-in before this lands: takes "Authorization: Bearer pending-sign-in:PERSON" so that
 * work on other features can pass a principal while sign-in is being built.
 */
public final class InterimSignIn implements Handler<RoutingContext> {
    private static final String PREFIX = "Bearer pending-sign-in:";
    private final PlantPeople people;

    public InterimSignIn(PlantPeople people) {
        this.people = people;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String h = ctx.request().getHeader("Authorization");
        if (h != null && h.startsWith(PREFIX)) {
            people.principalOf(h.substring(PREFIX.length())).ifPresent(p -> Principals.set(ctx, p));
        }
        ctx.next();
    }
}
