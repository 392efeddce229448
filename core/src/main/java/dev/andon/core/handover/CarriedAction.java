package dev.andon.core.handover;

/**
 * An action one shift hands to the next ("re-check die clamp torque at 16:00"); carried into every following report
 * until someone closes it. {@code since} is the key of the shift that opened it.
 */
public record CarriedAction(String id, String text, String owner, String since, boolean closed) {
}
