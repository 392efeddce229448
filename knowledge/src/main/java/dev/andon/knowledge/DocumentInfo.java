package dev.andon.knowledge;

import dev.andon.knowledge.ingest.TrainingMetadata;

import java.time.LocalDate;
import java.util.List;

/**
 * A document's metadata (current version unless stated), with its section numbers in reading order and its training
 * metadata. {@code uncontrolled}: no owner and nothing safety-critical, so new versions go live without approval.
 */
public record DocumentInfo(String id, String title, String type, String version, List<String> roles,
                           List<String> lines, List<String> stations, List<String> equipment, String language,
                           LocalDate effectiveDate, LocalDate reviewDate, boolean reviewOverdue, String owner,
                           List<String> sections, String ownerRole, boolean uncontrolled, TrainingMetadata training) {
}
