package dev.andon.assistant.answer;

import dev.andon.assistant.Citation;
import dev.andon.assistant.intent.Intent;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.knowledge.DocumentInfo;
import dev.andon.knowledge.KnowledgeSearch;
import dev.andon.knowledge.Section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A role-based reading path from the knowledge base: the training guides for the role and line first, then the
 * documents those guides refer to in the order they refer to them, then the remaining standards, SOPs, work
 * instructions and playbooks for that role and line (line-specific before plant-wide). Each entry is cited.
 */
public final class OnboardingPath {
    private static final Map<String, Integer> TYPE_ORDER = Map.of(
            "training-guide", 0, "standard", 1, "sop", 2, "work-instruction", 3, "playbook", 4);

    private final Plant plant;
    private final KnowledgeSearch knowledge;
    private final ShiftContacts contacts;

    public OnboardingPath(Plant plant, KnowledgeSearch knowledge, ShiftContacts contacts) {
        this.plant = plant;
        this.knowledge = knowledge;
        this.contacts = contacts;
    }

    /** The documents of the path, in reading order. */
    public List<DocumentInfo> path(String role, String line) {
        List<DocumentInfo> docs = knowledge.documents().stream()
                .filter(doc -> doc.roles() == null || doc.roles().isEmpty() || doc.roles().contains(role))
                .filter(doc -> doc.lines() == null || doc.lines().isEmpty() || (line != null && doc.lines().contains(line)))
                .toList();
        Map<String, DocumentInfo> byId = docs.stream().collect(Collectors.toMap(DocumentInfo::id, x -> x, (a, b) -> a));
        Set<String> ordered = new LinkedHashSet<>();
        List<DocumentInfo> guides = docs.stream().filter(doc -> "training-guide".equals(doc.type()))
                .sorted(general()).toList();
        for (DocumentInfo g : guides) {
            ordered.add(g.id());
        }
        for (DocumentInfo g : guides) {
            ordered.addAll(referencedIn(g, byId.keySet()));
        }
        docs.stream().sorted(general()).forEach(doc -> ordered.add(doc.id()));
        return ordered.stream().map(byId::get).toList();
    }

    public Reply reply(String role, String line) {
        ReplyDraft d = new ReplyDraft(Intent.ONBOARDING);
        List<DocumentInfo> path = path(role, line);
        String who = contacts.roleName(role) + (line == null ? "" : " on " + line + plant.line(line).map(l -> " (" + l.name() + ")").orElse(""));
        if (path.isEmpty()) {
            d.line("No approved documents are written for " + article(who) + " " + who + " yet, so I cannot build a reading path.");
            d.line("Please ask " + contacts.whoToAsk(line) + (trainers().isEmpty() ? "" : " or the trainer " + trainers()) + ".");
            return d.build();
        }
        d.line("Reading path for " + article(who) + " " + who + " — " + path.size() + " documents, in this order:");
        int n = 1;
        for (DocumentInfo doc : path) {
            Optional<Section> first = doc.sections() == null || doc.sections().isEmpty()
                    ? Optional.empty() : knowledge.section(doc.id(), doc.sections().get(0));
            d.line(n++ + ". " + doc.id() + " — " + doc.title() + " (" + doc.type().replace('-', ' ') + ", version " + doc.version()
                    + (doc.language() != null && !doc.language().equalsIgnoreCase("en") ? ", in " + language(doc.language()) : "")
                    + (n == 2 && "training-guide".equals(doc.type()) ? "; start here" : "") + ")");
            d.cite(new Citation(doc.id(), doc.title(), doc.version(), first.map(Section::section).orElse(null),
                    first.map(Section::sectionPath).orElse(doc.id()), first.map(Section::link).orElse(null), null, false));
        }
        if (line == null) {
            d.line("Name a line (e.g. \"onboard me as an operator on " + plant.lines().get(0).id() + "\") to add its station documents.");
        }
        d.blank().line("Safety-critical sections in these documents are to be followed exactly as written. "
                + "Sign-off is by " + (trainers().isEmpty() ? "your trainer" : "the trainer " + trainers())
                + " and the team leader on shift: " + contacts.whoToAsk(line) + ".");
        return d.build();
    }

    private List<String> referencedIn(DocumentInfo guide, Set<String> known) {
        List<String> out = new ArrayList<>();
        if (guide.sections() == null) {
            return out;
        }
        for (String number : guide.sections()) {
            Optional<Section> s = knowledge.section(guide.id(), number);
            if (s.isEmpty()) {
                continue;
            }
            Matcher m = Pattern.compile("\\b[A-Z]{2,}(?:-[A-Z0-9]+)+\\b").matcher(s.get().text());
            while (m.find()) {
                if (known.contains(m.group()) && !out.contains(m.group())) {
                    out.add(m.group());
                }
            }
        }
        return out;
    }

    private static Comparator<DocumentInfo> general() {
        return Comparator.comparingInt((DocumentInfo doc) -> TYPE_ORDER.getOrDefault(doc.type(), 5))
                .thenComparing(doc -> doc.lines() == null || doc.lines().isEmpty())
                .thenComparing(DocumentInfo::id);
    }

    private String trainers() {
        return plant.people().stream().filter(p -> p.hasRole("trainer")).map(Person::name).collect(Collectors.joining(", "));
    }

    private static String article(String noun) {
        return noun.isEmpty() || "aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) < 0 ? "a" : "an";
    }

    private static String language(String code) {
        Locale l = Locale.forLanguageTag(code);
        String name = l.getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }
}
