package dev.andon.assistant.answer;

import dev.andon.assistant.intent.Intent;
import dev.andon.knowledge.DocumentInfo;
import dev.andon.knowledge.KnowledgeSearch;
import dev.andon.knowledge.SearchHit;
import dev.andon.knowledge.SearchRequest;
import dev.andon.knowledge.SectionLinks;
import dev.andon.knowledge.Section;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a question from the approved documents only: it searches (filtered by the asker's role and line), keeps
 * the sections that really contain the question's meaningful words, and quotes them — safety-critical sections whole
 * and verbatim. When no section covers the question, it says so and names who on shift to ask.
 */
public final class KnowledgeAnswerer {
    private static final Pattern SECTION_NUMBER = Pattern.compile("(?i)(?:section|sect\\.?|§|sezione)\\s*(\\d+(?:\\.\\d+)*)");
    private static final Pattern HOW_TO = Pattern.compile("(?i)\\b(how (do|can|should|to)|steps|procedure|come (si|faccio|posso|devo))\\b");
    private static final int MAX_QUOTED = 3;
    private static final int WHOLE_SECTION = 700;
    /**
     * A second or third section joins the answer only this close to the best one's evidence: 0.10 in cosine, which
     * the coverage score counts twice (closeness and standing out from the background). 0.10 rather than 0.08 was
     * chosen on dev: a regulation split across paragraphs often has the asked-for one just behind its neighbour.
     */
    private static final double NEAR_TOP = 0.10 * (1 + CoverageDecision.STAND_OUT_WEIGHT);
    /** The passage that opens the answer, and the whole answer, are capped; the rest is behind the link. */
    private static final int PASSAGE_UNITS = 3;
    private static final int PASSAGE_CHARS = 700;
    private static final int MORE_CHARS = 600;

    private final KnowledgeSearch knowledge;
    private final SourceQuotes quotes;
    private final ShiftContacts contacts;
    private final CoverageDecision coverage;

    public KnowledgeAnswerer(KnowledgeSearch knowledge, SourceQuotes quotes, ShiftContacts contacts) {
        this(knowledge, quotes, contacts, CoverageDecision.shipped());
    }

    public KnowledgeAnswerer(KnowledgeSearch knowledge, SourceQuotes quotes, ShiftContacts contacts, CoverageDecision coverage) {
        this.knowledge = knowledge;
        this.quotes = quotes;
        this.contacts = contacts;
        this.coverage = coverage;
    }

    /** The sections that cover {@code question}, best first; empty when no approved source covers it. */
    public List<Section> coveringSections(String question, String role, String line, String station,
                                          Collection<String> scopeWords, int max) {
        return covering(question, role, line, station, scopeWords, max).stream().map(Covered::section).toList();
    }

    /** A covering section and the evidence score that let it in. */
    public record Covered(Section section, double score) {
    }

    /**
     * Coverage from retrieval evidence ({@link CoverageDecision}): the best hit must clear the threshold — or, when it
     * does not, one of the next hits must clear the stricter {@link CoverageDecision#coversFromBelow} bar and then
     * leads; further sections join when they clear the threshold too and are nearly as strong, so an answer does not
     * pad itself with neighbours.
     */
    public List<Covered> covering(String question, String role, String line, String station,
                                  Collection<String> scopeWords, int max) {
        List<String> terms = QueryTerms.of(question, scopeWords);
        if (terms.isEmpty()) {
            return List.of();
        }
        List<SearchHit> hits = knowledge.search(new SearchRequest(question, role, line, station, null, null, CoverageDecision.SEARCH_DEPTH));
        double background = CoverageDecision.background(hits);
        List<Covered> out = new ArrayList<>();
        double top = Double.NaN;
        int weak = 0;
        for (SearchHit h : hits) {
            if (out.size() >= max) {
                break;
            }
            Optional<Section> s = quotes.section(h);
            if (s.isEmpty()) {
                continue;
            }
            Section section = s.get();
            if (section.section().equals("0") && hasNumberedSections(section.documentId())) {
                continue; // the preamble before the first heading: the numbered sections carry the content
            }
            double score = CoverageDecision.score(h, terms, section.title() + "\n" + section.heading() + "\n" + section.text(), background);
            if (Double.isNaN(top)) {
                if (!(weak == 0 ? coverage.covers(score) : coverage.coversFromBelow(score))) {
                    if (++weak < CoverageDecision.LEAD_CANDIDATES) {
                        continue; // the fused first can be a BM25-only match: a strong hit just below it may cover
                    }
                    return List.of(); // the best evidence is too weak: nothing approved covers this
                }
                top = score;
            } else if (!coverage.covers(score) || score < top - NEAR_TOP) {
                continue;
            }
            out.add(new Covered(section, score));
        }
        return PurposeSections.notLeading(out, question);
    }

    /**
     * Answers from the covering sections, or honestly says that no approved procedure covers the question.
     * {@code lead} (may be null) opens the answer, e.g. "There is no open alert on press-3.".
     */
    public Reply answer(String question, String role, String line, String station, Collection<String> scopeWords,
                        Intent intent, String lead) {
        Optional<Reply> direct = directSection(question, intent);
        if (direct.isPresent()) {
            return direct.get();
        }
        ReplyDraft d = new ReplyDraft(intent);
        if (lead != null) {
            d.line(lead);
        }
        if (QueryTerms.of(question, scopeWords).isEmpty()) {
            return d.line("I could not find a question to look up in that. Ask for example \"how do I change the die on press 3?\" "
                    + "or \"what about alert 42?\".").build();
        }
        List<Section> sections = coveringSections(question, role, line, station, scopeWords, MAX_QUOTED);
        if (sections.isEmpty()) {
            return notCovered(d, role, line).build();
        }
        List<String> terms = QueryTerms.of(question, scopeWords);
        boolean howTo = HOW_TO.matcher(question).find();
        // the answer opens with the passage of the best section that answers, then its citation, then the rest
        answerFrom(d, sections.get(0), terms, question);
        List<Section> others = sections.subList(1, sections.size());
        if (!others.isEmpty()) {
            d.blank().line("Also relevant:");
            for (Section s : others) {
                alsoFrom(d, s, terms, question);
            }
        }
        if (howTo) {
            document(sections.get(0).documentId()).ifPresent(doc -> {
                d.blank();
                outline(d, doc);
            });
            addSafetySectionsOf(d, sections.get(0), sections);
        }
        return d.build();
    }

    public ReplyDraft notCovered(ReplyDraft d, String role, String line) {
        d.line("No approved procedure covers this" + scope(role, line) + ".");
        d.line("Please ask " + contacts.whoToAsk(line) + " before acting.");
        return d;
    }

    /** Quotes {@code s} into the draft: whole when safety-critical or short, else the lines that answer the question. */
    public void quote(ReplyDraft d, Section s, List<String> terms) {
        d.blank();
        if (s.safetyCritical()) {
            d.line(SourceQuotes.label(s) + " — SAFETY-CRITICAL, quoted verbatim; follow exactly as written:");
            d.line("«" + s.text().strip() + "»");
            d.cite(quotes.cite(s));
            return;
        }
        String excerpt = s.text().strip().length() <= WHOLE_SECTION ? s.text().strip() : relevantLines(s.text(), terms);
        d.line(SourceQuotes.label(s) + " — " + s.title() + ":");
        d.line(excerpt);
        d.cite(quotes.cite(s, excerpt));
    }

    /**
     * The passage of {@code s} that answers (quoted exactly), the citation with a link to the section as a page, and
     * "more in this section" up to a cap. A safety-critical section is quoted whole and verbatim instead.
     */
    private void answerFrom(ReplyDraft d, Section s, List<String> terms, String question) {
        if (s.safetyCritical()) {
            quote(d, s, terms);
            d.line("Open the section: " + page(s));
            return;
        }
        String text = s.text().strip();
        String passage = Passage.answering(text, topic(s), terms, question, PASSAGE_UNITS, PASSAGE_CHARS);
        if (passage.isEmpty()) {
            passage = SourceQuotes.excerpt(text, PASSAGE_CHARS);
        }
        d.line("«" + passage + "»");
        d.line("— " + citationLine(s));
        String more = rest(text, passage);
        if (!more.isEmpty()) {
            d.blank().line("More in this section:");
            d.line(SourceQuotes.excerpt(more, MORE_CHARS));
        }
        d.cite(quotes.cite(s, passage));
    }

    private void alsoFrom(ReplyDraft d, Section s, List<String> terms, String question) {
        if (s.safetyCritical()) {
            quote(d, s, terms);
            return;
        }
        String passage = Passage.answering(s.text(), topic(s), terms, question, 2, 300);
        if (passage.isEmpty()) {
            passage = SourceQuotes.excerpt(s.text(), 300);
        }
        d.line("- " + citationLine(s) + ": «" + passage + "»");
        d.cite(quotes.cite(s, passage));
    }

    private static String topic(Section s) {
        return s.title() + "\n" + s.heading();
    }

    /**
     * "29CFR1910.215 § (4) Work rests — § 1910.215 Abrasive wheel machinery., version 1 · /knowledge/documents/…"; an
     * uncontrolled document says so right after its version.
     */
    private static String citationLine(Section s) {
        return s.documentId() + " §" + s.section() + " " + s.heading() + " — " + s.title() + ", version " + s.version()
                + SourceQuotes.control(s) + " · " + page(s);
    }

    static String page(Section s) {
        return SectionLinks.page(s.documentId(), s.section(), s.version());
    }

    /** The section's text without the quoted passage's units, or empty when the passage was all of it. */
    private static String rest(String text, String passage) {
        String remaining = text;
        for (String part : passage.split("\n(\\[…]\n)?")) {
            String p = part.strip();
            if (!p.isEmpty() && !p.equals("[…]")) {
                remaining = remaining.replace(p, "");
            }
        }
        remaining = remaining.replaceAll("(?m)^\\s*$\\n", "").strip();
        return remaining.replaceAll("\\s+", "").length() < 20 ? "" : remaining;
    }

    /** "WI-… (version 5.1) has these sections, in order: 1 Scope · 2 Prepare … · 3 Secure the press (safety-critical) …". */
    private void outline(ReplyDraft d, DocumentInfo doc) {
        List<String> parts = new ArrayList<>();
        List<String> topLevel = doc.sections().stream().filter(n -> !n.contains(".") && !n.equals("0")).toList();
        for (String number : topLevel) {
            quotes.section(doc.id(), number).ifPresent(s -> parts.add(s.section() + " " + s.heading() + (s.safetyCritical() ? " (safety-critical)" : "")));
        }
        if (parts.size() > 1) {
            d.line(doc.id() + " " + doc.title() + " (version " + doc.version() + ") has these sections, in order: "
                    + String.join(" · ", parts) + ". Ask for any of them, e.g. \"show " + doc.id() + " section " + topLevel.get(topLevel.size() - 1) + "\".");
        }
    }

    /** Sections of the primary document in the document's own order, then the others by relevance. */
    private static List<Section> inReadingOrder(List<Section> sections, Optional<DocumentInfo> primary) {
        if (primary.isEmpty()) {
            return sections;
        }
        List<String> order = primary.get().sections();
        List<Section> own = new ArrayList<>(sections.stream().filter(s -> s.documentId().equals(primary.get().id())).toList());
        own.sort(Comparator.comparingInt(s -> order.indexOf(s.section()) < 0 ? Integer.MAX_VALUE : order.indexOf(s.section())));
        List<Section> out = new ArrayList<>(own);
        sections.stream().filter(s -> !s.documentId().equals(primary.get().id())).forEach(out::add);
        return out;
    }

    private boolean hasNumberedSections(String documentId) {
        return document(documentId).map(d -> d.sections().stream().anyMatch(n -> !n.equals("0"))).orElse(false);
    }

    private Optional<DocumentInfo> document(String id) {
        return knowledge.documents().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    private void addSafetySectionsOf(ReplyDraft d, Section primary, List<Section> already) {
        Optional<DocumentInfo> doc = document(primary.documentId());
        if (doc.isEmpty()) {
            return;
        }
        List<String> done = new ArrayList<>(already.stream().map(Section::section).toList());
        int added = 0;
        for (String number : doc.get().sections()) {
            if (added >= 2) {
                break;
            }
            boolean covered = done.stream().anyMatch(n -> number.equals(n) || number.startsWith(n + "."));
            if (covered) {
                continue;
            }
            Optional<Section> s = quotes.section(primary.documentId(), number);
            if (s.isPresent() && s.get().safetyCritical()) {
                if (added == 0) {
                    d.blank().line("This procedure also has safety-critical steps:");
                }
                quote(d, s.get(), List.of());
                done.add(number);
                added++;
            }
        }
    }

    /** "show LOTO-PRESS-01 section 4.1" quotes that section directly, whatever the filters. */
    private Optional<Reply> directSection(String question, Intent intent) {
        Matcher sm = SECTION_NUMBER.matcher(question);
        if (!sm.find()) {
            return Optional.empty();
        }
        String upper = question.toUpperCase(Locale.ROOT);
        for (DocumentInfo doc : knowledge.documents()) {
            if (Pattern.compile("(?<![A-Z0-9-])" + Pattern.quote(doc.id().toUpperCase(Locale.ROOT)) + "(?![A-Z0-9-])").matcher(upper).find()) {
                Optional<Section> s = quotes.section(doc.id(), sm.group(1));
                ReplyDraft d = new ReplyDraft(intent);
                if (s.isEmpty()) {
                    d.line(doc.id() + " (" + doc.title() + ", version " + doc.version() + ") has no section " + sm.group(1)
                            + ". Its sections are: " + String.join(", ", doc.sections()) + ".");
                    return Optional.of(d.build());
                }
                quote(d, s.get(), List.of());
                return Optional.of(d.build());
            }
        }
        return Optional.empty();
    }

    /** Lines of a long section that contain the question's words, with a table's header kept for its rows. */
    static String relevantLines(String text, List<String> terms) {
        String[] lines = text.strip().split("\n");
        List<String> out = new ArrayList<>();
        boolean tableHeaderAdded = false;
        for (int i = 0; i < lines.length && out.size() < 14; i++) {
            String l = lines[i];
            if (!QueryTerms.mentions(l, terms)) {
                continue;
            }
            if (l.trim().startsWith("|") && !tableHeaderAdded) {
                int start = i;
                while (start > 0 && lines[start - 1].trim().startsWith("|")) {
                    start--;
                }
                for (int h = start; h < Math.min(start + 2, i); h++) {
                    out.add(lines[h]);
                }
                tableHeaderAdded = true;
            }
            out.add(l);
        }
        if (out.isEmpty()) {
            return SourceQuotes.excerpt(text, WHOLE_SECTION);
        }
        return String.join("\n", out) + "\n[…]";
    }

    private String scope(String role, String line) {
        StringBuilder sb = new StringBuilder();
        if (role != null) {
            sb.append(" for the ").append(contacts.roleName(role)).append(" role");
        }
        if (line != null) {
            sb.append(" on ").append(line);
        }
        return sb.toString();
    }
}
