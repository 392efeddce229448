package dev.andon.web.api;

import dev.andon.core.events.EventAddresses;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * GET /api/events: server-sent events for live screens (alert decided or changed, station status,
 * production recorded, handover step). Fed from the event
 * bus, so a clustered bus later brings other nodes' events to the same stream.
 */
public final class EventStreamRoutes {
    private static final long KEEP_ALIVE_MS = 15_000;
    private final EventBus events;

    public EventStreamRoutes(EventBus events) {
        this.events = events;
    }

    public void mount(Router router) {
        router.get("/api/events").handler(this::stream);
    }

    private void stream(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.write(": connected\n\n");
        List<MessageConsumer<String>> consumers = List.of(
                forward(response, EventAddresses.ALERT_DECIDED, "alert"),
                forward(response, EventAddresses.ALERT_CHANGED, "alert"),
                forward(response, EventAddresses.STATION_STATUS, "station"),
                forward(response, EventAddresses.LINE_EVENTS, "production"),
                forward(response, EventAddresses.HANDOVER_STEP, "handover"));
        long timer = ctx.vertx().setPeriodic(KEEP_ALIVE_MS, id -> {
            if (!response.closed()) {
                response.write(": keep-alive\n\n");
            }
        });
        response.closeHandler(v -> {
            ctx.vertx().cancelTimer(timer);
            consumers.forEach(MessageConsumer::unregister);
        });
    }

    private MessageConsumer<String> forward(HttpServerResponse response, String address, String event) {
        return events.<String>consumer(address, msg -> {
            if (!response.closed()) {
                response.write("event: " + event + "\ndata: " + msg.body().replace("\n", " ") + "\n\n");
            }
        });
    }
}
