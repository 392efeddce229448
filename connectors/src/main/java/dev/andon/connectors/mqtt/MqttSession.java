package dev.andon.connectors.mqtt;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * One connection to a broker that keeps itself up: connects, and whenever the connection fails or drops, tries again
 * after a back-off that doubles up to a maximum. Acknowledgements are manual (the caller acks a QoS 1 message once
 * it is safely stored), so a message the broker handed over but Andon did not store is handed over again.
 */
final class MqttSession {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSession.class);
    private final Vertx vertx;
    private final MqttSettings settings;
    private final String name;
    private final Handler<MqttPublishMessage> onMessage;
    private final Runnable onConnected;
    private MqttClient client;
    private volatile boolean wanted;
    private volatile boolean connected;
    private volatile String lastError;
    private Duration backoff;
    private long reconnectTimer = -1;
    private volatile int connects;

    MqttSession(Vertx vertx, MqttSettings settings, String name, Handler<MqttPublishMessage> onMessage,
                Runnable onConnected) {
        this.vertx = vertx;
        this.settings = settings;
        this.name = name;
        this.onMessage = onMessage;
        this.onConnected = onConnected;
        this.backoff = settings.reconnectInitial();
    }

    synchronized void open() {
        wanted = true;
        connect();
    }

    synchronized Future<Void> close() {
        wanted = false;
        if (reconnectTimer >= 0) {
            vertx.cancelTimer(reconnectTimer);
            reconnectTimer = -1;
        }
        MqttClient c = client;
        client = null;
        connected = false;
        if (c != null && c.isConnected()) {
            return c.disconnect();
        }
        return Future.succeededFuture();
    }

    boolean isConnected() {
        return connected;
    }

    String lastError() {
        return lastError;
    }

    int connects() {
        return connects;
    }

    MqttClient client() {
        return client;
    }

    Future<Integer> publish(String topic, Buffer payload, boolean retain) {
        MqttClient c = client;
        if (c == null || !connected) {
            return Future.failedFuture("not connected to " + settings.host() + ":" + settings.port());
        }
        return c.publish(topic, payload, MqttQoS.AT_LEAST_ONCE, false, retain);
    }

    private synchronized void connect() {
        if (!wanted) {
            return;
        }
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(settings.clientId())
                .setCleanSession(false)
                .setAutoKeepAlive(true)
                .setKeepAliveInterval(30)
                .setMaxMessageSize(settings.maxMessageBytes());
        options.setConnectTimeout(5000);
        options.setAutoAck(false);
        if (settings.username() != null) {
            options.setUsername(settings.username());
            options.setPassword(settings.password());
        }
        if (settings.tls()) {
            options.setSsl(true);
            options.setHostnameVerificationAlgorithm("HTTPS");
            if (settings.trustPem() != null) {
                options.setTrustOptions(new PemTrustOptions().addCertPath(settings.trustPem().toString()));
            }
        }
        MqttClient c = MqttClient.create(vertx, options);
        client = c;
        c.publishHandler(onMessage);
        c.closeHandler(v -> lost(c, "connection closed"));
        c.exceptionHandler(e -> lastError = String.valueOf(e.getMessage()));
        c.connect(settings.port(), settings.host()).onComplete(ar -> {
            if (ar.succeeded()) {
                synchronized (this) {
                    if (client != c || !wanted) {
                        c.disconnect();
                        return;
                    }
                    connected = true;
                    connects++;
                    lastError = null;
                    backoff = settings.reconnectInitial();
                }
                LOG.info("connector {}: connected to {}:{} (session present: {})", name, settings.host(),
                        settings.port(), ar.result().isSessionPresent());
                onConnected.run();
            } else {
                lastError = String.valueOf(ar.cause().getMessage());
                lost(c, "cannot connect: " + lastError);
            }
        });
    }

    private synchronized void lost(MqttClient c, String why) {
        if (client != c) {
            return;
        }
        connected = false;
        if (!wanted || reconnectTimer >= 0) {
            return;
        }
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax()
                : backoff.multipliedBy(2);
        LOG.warn("connector {}: {} ({}:{}); retrying in {} ms", name, why, settings.host(), settings.port(),
                wait.toMillis());
        reconnectTimer = vertx.setTimer(Math.max(1, wait.toMillis()), t -> {
            synchronized (this) {
                reconnectTimer = -1;
            }
            connect();
        });
    }
}
