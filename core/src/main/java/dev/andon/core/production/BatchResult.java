package dev.andon.core.production;

import java.util.List;

/** What happened to a batch: {@code accepted} new events, {@code duplicates} retries of events already stored. */
public record BatchResult(String line, int accepted, int duplicates, List<String> acceptedKeys,
                          List<String> duplicateKeys) {
}
