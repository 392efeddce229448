package dev.andon.web.metrics;

import dev.andon.connectors.Connectors;
import dev.andon.connectors.base.ConnectorHealth;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.ToDoubleFunction;

/**
 * Each connector on /metrics, read from its health when scraped: messages and rejects (counters), dead letters,
 * connected and enabled (gauges), tagged with the connector's name, kind and direction; plus the shared dead-letter
 * store's size and how many letters it dropped when full.
 */
public final class ConnectorMetrics {
    private ConnectorMetrics() {
    }

    public static void bind(Connectors connectors, MeterRegistry registry) {
        for (ConnectorHealth h : connectors.health()) {
            String name = h.name();
            String[] tags = {"connector", name, "kind", h.kind(), "direction", h.direction()};
            counter(registry, "andon.connector.messages", "messages taken or delivered", connectors, name, ConnectorHealth::messages, tags);
            counter(registry, "andon.connector.rejects", "messages refused (kept as dead letters)", connectors, name, ConnectorHealth::rejects, tags);
            gauge(registry, "andon.connector.dead.letters", "dead letters of this connector", connectors, name, ConnectorHealth::deadLetters, tags);
            gauge(registry, "andon.connector.connected", "1 when connected", connectors, name, c -> c.connected() ? 1 : 0, tags);
            gauge(registry, "andon.connector.enabled", "1 when switched on", connectors, name, c -> c.enabled() ? 1 : 0, tags);
        }
        Gauge.builder("andon.dead.letters", connectors, Connectors::deadLetterCount).description("dead letters kept").register(registry);
        FunctionCounter.builder("andon.dead.letters.dropped", connectors, Connectors::deadLettersDropped)
                .description("oldest dead letters dropped because the store was full").register(registry);
    }

    private static void counter(MeterRegistry r, String metric, String help, Connectors c, String name,
                                ToDoubleFunction<ConnectorHealth> value, String[] tags) {
        FunctionCounter.builder(metric, c, x -> value.applyAsDouble(x.health(name))).description(help).tags(tags).register(r);
    }

    private static void gauge(MeterRegistry r, String metric, String help, Connectors c, String name,
                              ToDoubleFunction<ConnectorHealth> value, String[] tags) {
        Gauge.builder(metric, c, x -> value.applyAsDouble(x.health(name))).description(help).tags(tags).register(r);
    }
}
