package dev.andon.connectors.base;

import java.time.Instant;

/**
 * How a connector is doing, as /health and the connectors API show it. {@code connected} is whether it can take or
 * send messages right now (a broker connection is up; an HTTP source is switched on). Rejects are inbound messages
 * refused (each kept as a dead letter); dead letters count both rejects and undeliverable notifications.
 */
public record ConnectorHealth(String name, String kind, String direction, boolean enabled, boolean connected,
                              Instant lastMessageAt, long messages, double messagesPerMinute, long rejects,
                              long deadLetters, String detail) {
}
