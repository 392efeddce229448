package dev.andon.rules.intake;

import dev.andon.core.alert.AlertRecord;

/** What intake reports as it works (metrics); called on the intake thread, so implementations must be quick. */
public interface IntakeObserver {
    IntakeObserver NONE = new IntakeObserver() {
    };

    /** An alert was taken into the queue (called on the sender's thread). */
    default void received() {
    }

    /** A new alert was decided and committed (assigned or suppressed). */
    default void decided(AlertRecord rec) {
    }

    /** An alert repeated an open or suppressed one and only counted up. */
    default void deduplicated() {
    }

    /** An alert was refused after it was queued (it failed alone, or its batch could not be committed). */
    default void refused(Throwable why) {
    }

    /** One batch committed: how many alerts, how long the write and commit took. */
    default void committed(int alerts, long writeNanos) {
    }
}
