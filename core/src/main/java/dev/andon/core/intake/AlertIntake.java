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
}
