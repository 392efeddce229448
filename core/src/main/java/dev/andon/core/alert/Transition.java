package dev.andon.core.alert;

import java.time.Instant;

/** One step of an alert's lifecycle, with who did it and when. */
public record Transition(AlertState from, AlertState to, String actor, Instant at, String note) {
}
