package dev.andon.core.schedule;

import java.time.Duration;

/**
 * The one place background work runs (escalation timers, heartbeat checks, folder polling…), so a node has one set of
 * timer threads and one clean stop instead of a private pool per module.
 */
public interface Scheduler extends AutoCloseable {

    /**
     * Runs {@code task} every {@code every} after {@code initialDelay}, one run at a time; a run that throws is logged
     * and the next one still happens.
     */
    Task every(String name, Duration initialDelay, Duration every, Runnable task);

    /** Stops every task: no new run starts; returns once running ones finished (or after a short grace period). */
    @Override
    void close();

    /** A scheduled task; {@link #cancel} stops its future runs. */
    interface Task {
        String name();

        void cancel();
    }
}
