package dev.andon.assistant.answer;

import dev.andon.assistant.Citation;
import dev.andon.core.alert.KnowledgeRef;
import dev.andon.knowledge.KnowledgeSearch;
import dev.andon.knowledge.SearchHit;
import dev.andon.knowledge.Section;

import java.util.Optional;

/**
 * Turns knowledge-base sections into citations and labels. Safety-critical sections are always quoted whole and
 * verbatim; others carry a short verbatim excerpt.
 */
public final class SourceQuotes {
    static final int EXCERPT = 280;

    private final KnowledgeSearch knowledge;

    public SourceQuotes(KnowledgeSearch knowledge) {
        this.knowledge = knowledge;
    }

    public Optional<Section> section(String documentId, String number) {
        if (documentId == null || number == null) {
            return Optional.empty();
        }
        return knowledge.section(documentId, number);
    }

    public Optional<Section> section(KnowledgeRef ref) {
        return ref == null ? Optional.empty() : section(ref.documentId(), ref.section());
    }

    public Optional<Section> section(SearchHit hit) {
        return section(hit.documentId(), hit.section());
    }

    public Citation cite(Section s) {
        return cite(s, s.safetyCritical() ? s.text() : excerpt(s.text(), EXCERPT));
    }

    public Citation cite(Section s, String quote) {
        return new Citation(s.documentId(), s.title(), s.version(), s.section(), s.sectionPath(), s.link(),
                s.safetyCritical() ? s.text() : quote, s.safetyCritical(), s.uncontrolled());
    }

    public static Citation cite(SearchHit h) {
        return new Citation(h.documentId(), h.title(), h.version(), h.section(), h.sectionPath(), h.link(),
                h.snippet(), h.safetyCritical(), h.uncontrolled());
    }

    /** A runbook reference whose section is not in the knowledge base: still named, so the gap is visible. */
    public static Citation unresolved(KnowledgeRef ref) {
        return new Citation(ref.documentId(), null, null, ref.section(), ref.documentId() + " › " + ref.section(),
                null, null, false);
    }

    /**
     * "SOP-L2-PRESS-VIB §3.1 Confirm the reading on the HMI (version 2.1)"; for an uncontrolled document "… (version 1;
     * uncontrolled document — not reviewed by an owner)".
     */
    public static String label(Section s) {
        return s.documentId() + " §" + s.section() + " " + s.heading() + " (version " + s.version() + control(s) + ")";
    }

    /** "; uncontrolled document — not reviewed by an owner" for an uncontrolled document, else nothing. */
    public static String control(Section s) {
        return s.uncontrolled() ? "; " + Citation.UNCONTROLLED_NOTE : "";
    }

    public static String label(KnowledgeRef ref) {
        return ref.documentId() + " §" + ref.section();
    }

    /** The first sentences of {@code text} up to about {@code max} characters, cut at a sentence or line end. */
    public static String excerpt(String text, int max) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int cut = -1;
        for (int i = Math.min(max, t.length() - 1); i > max / 3; i--) {
            char c = t.charAt(i);
            if (c == '\n' || ((c == '.' || c == ';') && i + 1 < t.length() && Character.isWhitespace(t.charAt(i + 1)))) {
                cut = i + 1;
                break;
            }
        }
        if (cut < 0) {
            cut = t.lastIndexOf(' ', max);
            if (cut < max / 3) {
                cut = max;
            }
        }
        return t.substring(0, cut).strip() + " …";
    }
}
