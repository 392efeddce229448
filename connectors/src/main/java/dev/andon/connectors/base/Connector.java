package dev.andon.connectors.base;

/**
 * A source or sink of the plant's messages (MQTT, Alertmanager, a webhook, e-mail…). It can be switched on and off
 * while Andon runs; switched off, a source takes nothing in (an HTTP one refuses with 409) and a sink sends nothing.
 */
public interface Connector extends AutoCloseable {
    String name();

    /** mqtt, alertmanager, webhook (in); webhook-out, email, mqtt-lights (out). */
    String kind();

    void start();

    void stop();

    boolean enabled();

    ConnectorHealth health();

    @Override
    default void close() {
        stop();
    }
}
