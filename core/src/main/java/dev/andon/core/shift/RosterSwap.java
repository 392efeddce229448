package dev.andon.core.shift;

import java.time.Instant;

/**
 * For one shift occurrence, {@code in} takes {@code out}'s place in {@code role}; recorded by {@code recordedBy} at
 * {@code recordedAt}. The plant file's roster stays the standing pattern; swaps are the exceptions.
 */
public record RosterSwap(String id, String shift, String line, String role, String out, String in, String reason,
                         String recordedBy, Instant recordedAt) {
}
