package dev.andon.connectors.base;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one connector: messages, rejects, dead letters, the last message and a one-minute sliding rate. */
public final class ConnectorStats {
    private static final int SECONDS = 60;
    private final Clock clock;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong rejects = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private volatile Instant lastMessageAt;
    /** Messages per second for the last minute, indexed by epoch second modulo 60, with the second each slot holds. */
    private final long[] perSecond = new long[SECONDS];
    private final long[] slotSecond = new long[SECONDS];

    public ConnectorStats(Clock clock) {
        this.clock = clock;
    }

    public void message() {
        Instant now = clock.instant();
        messages.incrementAndGet();
        lastMessageAt = now;
        long second = now.getEpochSecond();
        int slot = (int) Math.floorMod(second, SECONDS);
        synchronized (perSecond) {
            if (slotSecond[slot] != second) {
                slotSecond[slot] = second;
                perSecond[slot] = 0;
            }
            perSecond[slot]++;
        }
    }

    public void rejected() {
        rejects.incrementAndGet();
    }

    public void deadLettered() {
        deadLetters.incrementAndGet();
    }

    public long messages() {
        return messages.get();
    }

    public long rejects() {
        return rejects.get();
    }

    public long deadLetters() {
        return deadLetters.get();
    }

    public Instant lastMessageAt() {
        return lastMessageAt;
    }

    /** Messages in the last 60 seconds. */
    public double messagesPerMinute() {
        long now = clock.instant().getEpochSecond();
        long sum = 0;
        synchronized (perSecond) {
            for (int i = 0; i < SECONDS; i++) {
                if (now - slotSecond[i] < SECONDS) {
                    sum += perSecond[i];
                }
            }
        }
        return sum;
    }

    public ConnectorHealth health(String name, String kind, String direction, boolean enabled, boolean connected,
                                  String detail) {
        return new ConnectorHealth(name, kind, direction, enabled, connected, lastMessageAt, messages(),
                messagesPerMinute(), rejects(), deadLetters(), detail);
    }
}
