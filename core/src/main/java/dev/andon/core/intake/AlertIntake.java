package dev.andon.core.intake;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.identity.Principal;

/**
 * The way in for every alert, whatever the connector: store it, decide it with the active runbooks (dedup, grouping,
 * inhibition, silences included), and commit alert, decision and its audit record together before returning.
 * {@code raisedBy} is who raised it (a machine token, a person, a connector or Andon's own timers) and goes into the
 * audit record; callers check alerts:raise on the alert's line before.
 */
public interface AlertIntake {

    /** {@code alert} has been validated and has no id yet; the returned record is committed to disk. */
    AlertRecord receive(Alert alert, Principal raisedBy);

    /**
     * The same without holding the caller's thread: validation problems are thrown at once; the stage completes with
     * the committed record, or fails (e.g. {@link dev.andon.core.error.ServiceUnavailableException} when intake is
     * full or the store cannot write). Implementations that batch commits override this.
     */
    default java.util.concurrent.CompletionStage<AlertRecord> submit(Alert alert, Principal raisedBy) {
        return java.util.concurrent.CompletableFuture.completedFuture(receive(alert, raisedBy));
    }
}
