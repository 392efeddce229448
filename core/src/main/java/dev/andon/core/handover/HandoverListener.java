package dev.andon.core.handover;

import dev.andon.core.identity.Principal;

/**
 * Hears every committed step of every handover report (drafted, edited, signed, sent-back, accepted) with the acting
 * principal: the hook for the audit trail and live screens. Called after the commit, on the caller's thread.
 */
public interface HandoverListener {
    void onStep(HandoverReport report, HandoverStep step, Principal who);
}
