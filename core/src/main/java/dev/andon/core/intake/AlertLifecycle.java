package dev.andon.core.intake;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.identity.Principal;

/**
 * Moves alerts through their lifecycle on behalf of a signed-in person or the system, recording actor and time, refusing
 * illegal transitions (ConflictException → 409) and keeping escalation timers in step (an acknowledged alert no
 * longer escalates for lack of acknowledgement).
 */
public interface AlertLifecycle {
    /** {@code actor} must be allowed alerts:transition on the alert's line (403 otherwise); the change is audited. */
    AlertRecord transition(String alertId, AlertState to, Principal actor, String note);
}
