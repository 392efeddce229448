package dev.andon.core.intake;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;

/**
 * The way in for every alert, whatever the connector: store it, decide it with the active runbooks (dedup, grouping,
 * inhibition, silences included), and commit alert and decision together before returning.
 */
public interface AlertIntake {

    /** {@code alert} has been validated and has no id yet; the returned record is committed to disk. */
    AlertRecord receive(Alert alert);

    /**
     * The same without holding the caller's thread: validation problems are thrown at once; the stage completes with
     * the committed record, or fails (e.g. {@link dev.andon.core.error.ServiceUnavailableException} when intake is
     * full or the store cannot write). Implementations that batch commits override this.
     */
    default java.util.concurrent.CompletionStage<AlertRecord> submit(Alert alert) {
        return java.util.concurrent.CompletableFuture.completedFuture(receive(alert));
    }
}
