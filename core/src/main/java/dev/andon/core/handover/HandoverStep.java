package dev.andon.core.handover;

import java.time.Instant;

/** One recorded step of a report: drafted, edited, signed, sent-back or accepted; who (principal id), when, and why. */
public record HandoverStep(String action, String by, String name, Instant at, String note) {
}
