package dev.andon.core.handover;

import java.time.Instant;

/** A note for the next shift on a line, written by a person during their shift (carried into the handover report). */
public record HandoverNote(String id, String line, String shift, String author, String text, Instant at) {
}
