package dev.andon.connectors.base;

import dev.andon.core.identity.Principal;

/** Where a connector hands a model heartbeat (the rules module's heartbeat monitor, wired by the application). */
@FunctionalInterface
public interface HeartbeatSink {
    /** {@code by}: who sent it (the connector acting for its broker). */
    void heartbeat(Principal by, String source, String line, String station, String modelVersion);
}
