package dev.andon.connectors.out;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.connectors.base.Rejections;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.connector.Delivery;
import dev.andon.core.store.DeliveryLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns committed alert changes into notifications and delivers each to every sink that wants it: claimed in the
 * delivery log first (so a repeat of the event, or a restart, never sends it again), then tried with back-off; when
 * the retries are used up it is marked dead and kept as a dead letter. Pending deliveries are resumed at start.
 * {@link #alertChanged} is an engine change listener: it only hands the record to the connectors' workers.
 */
public final class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private final List<NotificationSink> sinks;
    private final DeliveryLog log;
    private final Rejections rejections;
    private final Vertx vertx;
    private final WorkerExecutor workers;
    private final RetryPolicy retry;
    private final ObjectMapper json;
    private final Clock clock;
    /** Deliveries this process is working on, so resuming at start never sends one a second time alongside. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    public Deliveries(List<NotificationSink> sinks, DeliveryLog log, Rejections rejections, Vertx vertx,
                      WorkerExecutor workers, RetryPolicy retry, ObjectMapper json, Clock clock) {
        this.sinks = List.copyOf(sinks);
        this.log = log;
        this.rejections = rejections;
        this.vertx = vertx;
        this.workers = workers;
        this.retry = retry;
        this.json = json;
        this.clock = clock;
    }

    public void alertChanged(AlertRecord rec) {
        List<Notification> events = Notification.of(rec);
        if (events.isEmpty() || sinks.isEmpty()) {
            return;
        }
        workers.executeBlocking(() -> {
            for (Notification n : events) {
                for (NotificationSink sink : sinks) {
                    if (sink.enabled() && sink.filter().wants(n)) {
                        claim(sink, n).filter(d -> active.add(d.key())).ifPresent(d -> attempt(sink, n, d));
                    }
                }
            }
            return null;
        }, false).onFailure(e -> LOG.error("notifications for alert {} failed", rec.id(), e));
    }

    /** Sends again what was pending when the service stopped. */
    public void resumePending() {
        workers.executeBlocking(() -> {
            for (NotificationSink sink : sinks) {
                for (Delivery d : log.pending(sink.name())) {
                    if (active.add(d.key())) {
                        attempt(sink, json.readValue(d.body(), Notification.class), d);
                    }
                }
            }
            return null;
        }, false).onFailure(e -> LOG.error("resuming pending notifications failed", e));
    }

    private Optional<Delivery> claim(NotificationSink sink, Notification n) {
        try {
            return log.claim(sink.name() + "|" + n.key(), sink.name(), json.writeValueAsString(n), clock.instant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void attempt(NotificationSink sink, Notification n, Delivery d) {
        Future<Void> sent;
        try {
            sent = sink.send(n);
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e);
        }
        sent.onComplete(ar -> workers.executeBlocking(() -> {
            if (ar.succeeded()) {
                log.record(d.attempted(Delivery.DELIVERED, null, clock.instant()));
                sink.stats().message();
                active.remove(d.key());
                return null;
            }
            String error = String.valueOf(ar.cause().getMessage());
            Delivery next = d.attempted(Delivery.PENDING, error, clock.instant());
            if (next.attempts() >= retry.attempts()) {
                log.record(d.attempted(Delivery.DEAD, error, clock.instant()));
                rejections.giveUpOutbound(sink.name(), sink.stats(), "gave up after " + next.attempts()
                        + " attempts: " + error, d.body());
                active.remove(d.key());
                return null;
            }
            log.record(next);
            long wait = Math.max(1, retry.waitBefore(next.attempts()).toMillis());
            LOG.info("connector {}: delivery {} failed ({}); attempt {} in {} ms", sink.name(), d.key(), error,
                    next.attempts() + 1, wait);
            vertx.setTimer(wait, t -> attempt(sink, n, next));
            return null;
        }, false));
    }
}
