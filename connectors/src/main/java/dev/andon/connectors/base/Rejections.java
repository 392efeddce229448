package dev.andon.connectors.base;

import dev.andon.core.connector.DeadLetter;
import dev.andon.core.store.DeadLetterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Arrays;

/**
 * The one way a connector refuses or gives up on a message: counted, logged with the reason, and kept as a dead
 * letter with its raw payload. Never silent. Callers run on a worker thread (this writes to the store).
 */
public final class Rejections {
    private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);
    private final DeadLetterStore store;
    private final Clock clock;
    private final int maxKeptBytes;

    public Rejections(DeadLetterStore store, Clock clock, int maxKeptBytes) {
        this.store = store;
        this.clock = clock;
        this.maxKeptBytes = maxKeptBytes;
    }

    /** An inbound message refused. Payloads over the kept limit are cut, and the reason says so. */
    public DeadLetter rejectInbound(String connector, ConnectorStats stats, String reason, byte[] raw) {
        stats.rejected();
        byte[] kept = raw;
        String why = reason;
        if (raw.length > maxKeptBytes) {
            kept = Arrays.copyOf(raw, maxKeptBytes);
            why = reason + " (payload kept: first " + maxKeptBytes + " of " + raw.length + " bytes)";
        }
        LOG.warn("connector {} refused a message: {}", connector, why);
        DeadLetter letter = store.add(connector, DeadLetter.IN, why, kept, clock.instant());
        stats.deadLettered();
        return letter;
    }

    /** An outbound notification given up on after its retries. */
    public DeadLetter giveUpOutbound(String connector, ConnectorStats stats, String reason, String body) {
        LOG.warn("connector {} gave up a notification: {}", connector, reason);
        DeadLetter letter = store.add(connector, DeadLetter.OUT, reason, body, clock.instant());
        stats.deadLettered();
        return letter;
    }

    public DeadLetterStore store() {
        return store;
    }
}
