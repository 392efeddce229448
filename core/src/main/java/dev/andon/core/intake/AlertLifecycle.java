package dev.andon.core.intake;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;

/**
 * Moves alerts through their lifecycle on behalf of a person or the system, recording actor and time, refusing
 * illegal transitions (ConflictException → 409) and keeping escalation timers in step (an acknowledged alert no
 * longer escalates for lack of acknowledgement).
 */
public interface AlertLifecycle {
    AlertRecord transition(String alertId, AlertState to, String actor, String note);
}
