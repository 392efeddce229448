package dev.andon.connectors.out;

import dev.andon.connectors.base.Connector;
import dev.andon.connectors.base.ConnectorStats;
import io.vertx.core.Future;

/** A connector that tells people: one attempt to deliver one notification; retries are {@link Deliveries}'. */
public interface NotificationSink extends Connector {
    NotificationFilter filter();

    Future<Void> send(Notification n);

    ConnectorStats stats();
}
