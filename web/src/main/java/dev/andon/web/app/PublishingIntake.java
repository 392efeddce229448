package dev.andon.web.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.events.EventAddresses;
import dev.andon.rules.AlertIntake;
import io.vertx.core.eventbus.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The intake every connector uses, announcing each decided alert on the event bus once it is committed. */
final class PublishingIntake implements AlertIntake {
    private static final Logger LOG = LoggerFactory.getLogger(PublishingIntake.class);
    private final AlertIntake intake;
    private final EventBus events;
    private final ObjectMapper json;

    PublishingIntake(AlertIntake intake, EventBus events, ObjectMapper json) {
        this.intake = intake;
        this.events = events;
        this.json = json;
    }

    @Override
    public AlertRecord receive(Alert alert) {
        AlertRecord rec = intake.receive(alert);
        try {
            events.publish(EventAddresses.ALERT_DECIDED, json.writeValueAsString(rec));
        } catch (Exception e) {
            LOG.warn("could not announce alert {}", rec.id(), e);
        }
        return rec;
    }
}
