package dev.andon.web.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.eventbus.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes records on the event bus as JSON strings (so a clustered bus can carry them). Best effort: the stored
 * record is the truth, a lost live update is only logged.
 */
public final class EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    private final EventBus events;
    private final ObjectMapper json;

    public EventPublisher(EventBus events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    public void publish(String address, Object record) {
        try {
            events.publish(address, json.writeValueAsString(record));
        } catch (Exception e) {
            LOG.warn("could not publish on {}", address, e);
        }
    }
}
