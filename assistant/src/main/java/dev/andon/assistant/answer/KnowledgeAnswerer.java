package dev.andon.assistant.answer;

import dev.andon.assistant.intent.Intent;
import dev.andon.knowledge.DocumentInfo;
import dev.andon.knowledge.KnowledgeSearch;
import dev.andon.knowledge.SearchHit;
import dev.andon.knowledge.SearchRequest;
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
    private static final int SEARCH_K = 8;
    private static final int MAX_QUOTED = 3;
    private static final int WHOLE_SECTION = 700;

    private final KnowledgeSearch knowledge;
    private final SourceQuotes quotes;
    private final ShiftContacts contacts;

    public KnowledgeAnswerer(KnowledgeSearch knowledge, SourceQuotes quotes, ShiftContacts contacts) {
        this.knowledge = knowledge;
        this.quotes = quotes;
        this.contacts = contacts;
    }

    /** The sections that cover {@code question}, best first; empty when no approved source covers it. */
    public List<Section> coveringSections(String question, String role, String line, String station,
                                          Collection<String> scopeWords, int max) {
        List<String> terms = QueryTerms.of(question, scopeWords);
        if (terms.isEmpty()) {
            return List.of();
        }
        List<SearchHit> hits = knowledge.search(new SearchRequest(question, role, line, station, null, null, SEARCH_K));
        List<Section> out = new ArrayList<>();
        // every word of a short question, three in four of a long one: a section that only shares "mark" with
        // "laser marker" does not cover the question
        int needed = terms.size() <= 3 ? terms.size() : (int) Math.ceil(terms.size() * 0.75);
        for (SearchHit h : hits) {
            if (out.size() >= max) {
                break;
            }
            if (out.stream().anyMatch(s -> s.documentId().equals(h.documentId()) && s.section().equals(h.section()))) {
                continue;
            }
            Optional<Section> s = quotes.section(h);
            if (s.isEmpty()) {
                continue;
            }
            Section section = s.get();
            if (section.section().equals("0") && hasNumberedSections(section.documentId())) {
                continue; // the preamble before the first heading: the numbered sections carry the content
            }
            String own = section.heading() + "\n" + section.text();
            String body = section.title() + "\n" + own;
            // the title alone does not make a section relevant: some of the words must be in the section itself
            if (QueryTerms.matched(terms, body) >= needed && (terms.size() == 1 || QueryTerms.matched(terms, own) > 0)) {
                out.add(section);
            }
        }
        return out;
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
        Optional<DocumentInfo> primary = howTo ? document(sections.get(0).documentId()) : Optional.empty();
        d.line("From the approved documents" + scope(role, line) + ":");
        primary.ifPresent(doc -> outline(d, doc));
        for (Section s : inReadingOrder(sections, primary)) {
            quote(d, s, terms);
        }
        if (howTo) {
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
