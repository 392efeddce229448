package dev.andon.rules;

import dev.andon.core.alert.AlertRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who hears about alert changes (web publishes them on the event bus). Called after the change is committed; a
 * listener that throws is logged and does not stop the others.
 */
public final class ChangeListeners {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListeners.class);
    private final List<Consumer<AlertRecord>> listeners = new CopyOnWriteArrayList<>();

    public void add(Consumer<AlertRecord> listener) {
        listeners.add(listener);
    }

    public void publish(AlertRecord record) {
        for (Consumer<AlertRecord> l : listeners) {
            try {
                l.accept(record);
            } catch (RuntimeException e) {
                LOG.warn("alert change listener failed on alert {}", record.id(), e);
            }
        }
    }

    public void publish(List<AlertRecord> records) {
        records.forEach(this::publish);
    }
}
