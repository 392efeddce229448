package dev.andon.assistant.training;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A trainer's edits to the assembled path of a role on a line, saved as the line's standard: items listed in
 * {@code order} come first in their module in that order; {@code pinned} items stay on the path even when their
 * document stops being tagged for the role or line; {@code dropped} items are left out.
 */
public record StandardPath(String role, String line, List<String> order, Set<String> pinned, Set<String> dropped,
                           String savedBy, Instant savedAt) {
    public StandardPath {
        order = order == null ? List.of() : List.copyOf(order);
        pinned = pinned == null ? Set.of() : Set.copyOf(pinned);
        dropped = dropped == null ? Set.of() : Set.copyOf(dropped);
    }
}
