package dev.andon.knowledge;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a document's version history. {@code status} is "current" or "superseded". */
public record DocumentVersionInfo(String version, String status, LocalDate effectiveDate, LocalDate reviewDate,
                                  String owner, String file, Instant indexedAt, String link) {
}
