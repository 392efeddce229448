package dev.andon.connectors.mqtt;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach a broker. {@code trustPem} is the CA or server certificate to trust with TLS (null: the JVM's
 * trust store). The session is persistent (clean session off) under {@code clientId}, so the broker keeps QoS 1
 * messages while Andon is away and hands them over when it is back.
 */
public record MqttSettings(String host, int port, boolean tls, Path trustPem, String username, String password,
                           String clientId, Duration reconnectInitial, Duration reconnectMax, int maxMessageBytes) {
}
