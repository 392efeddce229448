package dev.andon.core.audit;

import java.time.Instant;

/** Filters for reading the trail; null means "any". Newest first, at most {@code limit}. */
public record AuditQuery(String actor, String object, Instant from, Instant to, int limit) {
}
