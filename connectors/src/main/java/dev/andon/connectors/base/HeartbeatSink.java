package dev.andon.connectors.base;

/** Where a connector hands a model heartbeat (the rules module's heartbeat monitor, wired by the application). */
@FunctionalInterface
public interface HeartbeatSink {
    void heartbeat(String source, String line, String station, String modelVersion);
}
