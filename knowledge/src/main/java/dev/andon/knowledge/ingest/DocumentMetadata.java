package dev.andon.knowledge.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Controlled-document metadata. Empty {@code roles}/{@code lines}/{@code stations} mean the document applies to all.
 * {@code language} is null when the file does not say (it is then detected). {@code safetyCriticalAll} marks the whole
 * document; {@code safetyCriticalSections} names sections (and with them their subsections) whose steps must be quoted
 * exactly. {@code ownerRole} names the plant role whose holders approve new versions of a controlled document (null:
 * anyone the permission policy lets approve documents). {@code training} is what onboarding paths use (module,
 * prerequisites, practical tasks, quiz).
 */
public record DocumentMetadata(String id, String title, String type, String version, List<String> roles,
                               List<String> lines, List<String> stations, List<String> equipment,
                               LocalDate effectiveDate, LocalDate reviewDate, String owner, String language,
                               boolean safetyCriticalAll, Set<String> safetyCriticalSections, String ownerRole,
                               TrainingMetadata training) {
    public DocumentMetadata {
        roles = List.copyOf(roles);
        lines = List.copyOf(lines);
        stations = List.copyOf(stations);
        equipment = List.copyOf(equipment);
        safetyCriticalSections = Set.copyOf(safetyCriticalSections);
        training = training == null ? TrainingMetadata.NONE : training;
    }

    public DocumentMetadata withLanguage(String detected) {
        return new DocumentMetadata(id, title, type, version, roles, lines, stations, equipment, effectiveDate,
                reviewDate, owner, detected, safetyCriticalAll, safetyCriticalSections, ownerRole, training);
    }

    public DocumentMetadata withTitle(String newTitle) {
        return new DocumentMetadata(id, newTitle, type, version, roles, lines, stations, equipment, effectiveDate,
                reviewDate, owner, language, safetyCriticalAll, safetyCriticalSections, ownerRole, training);
    }
}
