package dev.andon.connectors.mqtt;

import dev.andon.connectors.base.InboundMessages.Kind;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Which topic filters carry alerts, station events and heartbeats; MQTT wildcards {@code +} and {@code #} allowed. */
public record MqttTopics(String alerts, String stations, String heartbeats) {

    Map<String, Kind> filters() {
        Map<String, Kind> out = new LinkedHashMap<>();
        if (alerts != null) {
            out.put(alerts, Kind.ALERT);
        }
        if (stations != null) {
            out.put(stations, Kind.STATION);
        }
        if (heartbeats != null) {
            out.put(heartbeats, Kind.HEARTBEAT);
        }
        return out;
    }

    Optional<Kind> kindOf(String topic) {
        for (Map.Entry<String, Kind> e : filters().entrySet()) {
            if (matches(e.getKey(), topic)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length) {
                return false;
            }
            if (!f[i].equals("+") && !f[i].equals(t[i])) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
