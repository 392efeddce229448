package dev.andon.knowledge;

import dev.andon.knowledge.index.StoredVersion;
import dev.andon.knowledge.ingest.DocumentMetadata;
import dev.andon.knowledge.ingest.DocumentSection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns stored versions into what callers see: {@link DocumentInfo}, {@link Section}, {@link DocumentDetail}. */
final class DocumentViews {
    private final Clock clock;

    DocumentViews(Clock clock) {
        this.clock = clock;
    }

    DocumentInfo info(StoredVersion v) {
        DocumentMetadata m = v.metadata();
        LocalDate today = LocalDate.now(clock);
        boolean overdue = m.reviewDate() != null && m.reviewDate().isBefore(today);
        return new DocumentInfo(m.id(), m.title(), m.type(), m.version(), m.roles(), m.lines(), m.stations(),
                m.equipment(), m.language(), m.effectiveDate(), m.reviewDate(), overdue, m.owner(),
                v.sections().stream().map(DocumentSection::number).toList(), m.ownerRole(), !Control.controlled(v),
                m.training());
    }

    /** By section number first, then by heading ("Isolate hydraulic energy") or full label ("4.2 Isolate …"). */
    Optional<Section> section(StoredVersion v, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return Optional.empty();
        }
        String w = wanted.strip();
        List<DocumentSection> sections = v.sections();
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).number().equals(w)) {
                return Optional.of(section(v, i));
            }
        }
        for (int i = 0; i < sections.size(); i++) {
            DocumentSection s = sections.get(i);
            if ((s.heading() != null && s.heading().equalsIgnoreCase(w)) || s.label().equalsIgnoreCase(w)) {
                return Optional.of(section(v, i));
            }
        }
        return Optional.empty();
    }

    List<Section> sections(StoredVersion v) {
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < v.sections().size(); i++) {
            out.add(section(v, i));
        }
        return out;
    }

    /** A section's text includes its subsections, each under its numbered heading, so a citation of "4" is whole. */
    private Section section(StoredVersion v, int index) {
        List<DocumentSection> all = v.sections();
        DocumentSection s = all.get(index);
        StringBuilder text = new StringBuilder(s.text());
        for (int i = index + 1; i < all.size() && all.get(i).ancestors().contains(s.number()); i++) {
            DocumentSection sub = all.get(i);
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(sub.label());
            if (!sub.text().isBlank()) {
                text.append("\n\n").append(sub.text());
            }
        }
        DocumentMetadata m = v.metadata();
        return new Section(m.id(), m.title(), m.type(), m.version(), s.number(), s.path(), s.heading(),
                text.toString(), s.safetyCritical(), m.roles(), m.lines(), m.stations(), m.language(),
                SectionLinks.section(m.id(), s.number(), m.version()), !Control.controlled(v));
    }

    DocumentDetail detail(StoredVersion v, List<StoredVersion> history, StoredVersion current) {
        List<DocumentVersionInfo> versions = new ArrayList<>();
        for (StoredVersion h : history) {
            DocumentMetadata m = h.metadata();
            versions.add(new DocumentVersionInfo(m.version(), h.key().equals(current.key()) ? "current" : "superseded",
                    m.effectiveDate(), m.reviewDate(), m.owner(), h.file(), h.indexedAt(),
                    SectionLinks.document(m.id(), m.version())));
        }
        boolean critical = v.metadata().safetyCriticalAll() || v.sections().stream().anyMatch(DocumentSection::safetyCritical);
        return new DocumentDetail(info(v), v.key().equals(current.key()), critical, v.format(), v.file(), sections(v), versions);
    }
}
