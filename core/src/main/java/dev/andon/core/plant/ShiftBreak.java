package dev.andon.core.plant;

import java.time.LocalTime;

/** A pause inside a shift, by wall-clock time; may lie after midnight in a night shift. */
public record ShiftBreak(LocalTime start, LocalTime end) {
}
