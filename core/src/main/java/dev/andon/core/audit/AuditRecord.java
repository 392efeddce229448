package dev.andon.core.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One state change: who did what to which object, when, the object before and after, and the request it came from.
 * {@code prevHash} is the hash of the record before it and {@code hash} covers this record and {@code prevHash}, so an
 * edited, removed or reordered record breaks the chain where it happened.
 */
public record AuditRecord(long seq, Instant at, String actor, String action, String object, JsonNode before,
                          JsonNode after, String requestId, String prevHash, String hash) {
}
