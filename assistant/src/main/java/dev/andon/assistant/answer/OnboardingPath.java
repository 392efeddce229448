package dev.andon.assistant.answer;

import dev.andon.assistant.Citation;
import dev.andon.assistant.intent.Intent;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.knowledge.DocumentInfo;
import dev.andon.knowledge.KnowledgeSearch;
import dev.andon.knowledge.Section;

import java.util.List;
import java.util.function.BiFunction;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reading path for a role and line as the training engine assembles it ({@link dev.andon.assistant.training.PathAssembler}:
 * training guides first, then what they refer to, then the rest by type, prerequisites before the documents needing
 * them, a trainer's pinned documents kept), rendered as a cited list of documents.
 */
public final class OnboardingPath {
    private final Plant plant;
    private final KnowledgeSearch knowledge;
    private final ShiftContacts contacts;
    private final BiFunction<String, String, List<DocumentInfo>> documents;

    /** {@code documents}: the path's documents for a role and line, in order (the training engine's assembly). */
    public OnboardingPath(Plant plant, KnowledgeSearch knowledge, ShiftContacts contacts,
                          BiFunction<String, String, List<DocumentInfo>> documents) {
        this.plant = plant;
        this.knowledge = knowledge;
        this.contacts = contacts;
        this.documents = documents;
    }

    /** The documents of the path, in reading order: what the training engine assembles for the role and line. */
    public List<DocumentInfo> path(String role, String line) {
        return documents.apply(role, line);
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
                    + (doc.uncontrolled() ? "; " + Citation.UNCONTROLLED_NOTE : "")
                    + (n == 2 && "training-guide".equals(doc.type()) ? "; start here" : "") + ")");
            d.cite(new Citation(doc.id(), doc.title(), doc.version(), first.map(Section::section).orElse(null),
                    first.map(Section::sectionPath).orElse(doc.id()), first.map(Section::link).orElse(null), null, false,
                    doc.uncontrolled()));
        }
        if (line == null) {
            d.line("Name a line (e.g. \"onboard me as an operator on " + plant.lines().get(0).id() + "\") to add its station documents.");
        }
        d.blank().line("Safety-critical sections in these documents are to be followed exactly as written. "
                + "Sign-off is by " + (trainers().isEmpty() ? "your trainer" : "the trainer " + trainers())
                + " and the team leader on shift: " + contacts.whoToAsk(line) + ".");
        return d.build();
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
