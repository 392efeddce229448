package dev.andon.connectors.base;

import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perSecond} messages per key (an MQTT topic, a webhook token) in any one second; what is over is
 * refused, so one chattering source cannot starve the others or the store.
 */
public final class FloodGuard {
    private final int perSecond;
    private final Map<String, long[]> windows = new HashMap<>();

    public FloodGuard(int perSecond) {
        this.perSecond = perSecond;
    }

    /** True when the message may pass. {@code nowMillis} is the current time. */
    public synchronized boolean allow(String key, long nowMillis) {
        if (perSecond <= 0) {
            return true;
        }
        long second = nowMillis / 1000;
        long[] w = windows.computeIfAbsent(key, k -> new long[2]);
        if (w[0] != second) {
            w[0] = second;
            w[1] = 0;
            if (windows.size() > 10_000) {
                windows.entrySet().removeIf(e -> e.getValue()[0] < second);
            }
        }
        return ++w[1] <= perSecond;
    }

    public int perSecond() {
        return perSecond;
    }
}
