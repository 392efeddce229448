package dev.andon.web.app;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.events.EventAddresses;
import dev.andon.core.identity.Principal;
import dev.andon.core.intake.AlertIntake;
import dev.andon.web.http.EventPublisher;

/** The intake every connector uses, announcing each decided alert on the event bus once it is committed. */
final class PublishingIntake implements AlertIntake {
    private final AlertIntake intake;
    private final EventPublisher events;

    PublishingIntake(AlertIntake intake, EventPublisher events) {
        this.intake = intake;
        this.events = events;
    }

    @Override
    public AlertRecord receive(Alert alert, Principal raisedBy) {
        AlertRecord rec = intake.receive(alert, raisedBy);
        events.publish(EventAddresses.ALERT_DECIDED, rec);
        return rec;
    }

    @Override
    public java.util.concurrent.CompletionStage<AlertRecord> submit(Alert alert, Principal raisedBy) {
        return intake.submit(alert, raisedBy).thenApply(rec -> {
            events.publish(EventAddresses.ALERT_DECIDED, rec);
            return rec;
        });
    }
}
