package dev.andon.assistant.training;

import dev.andon.knowledge.DocumentInfo;
import dev.andon.knowledge.KnowledgeSearch;
import dev.andon.knowledge.Section;
import dev.andon.knowledge.ingest.TrainingMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the onboarding path of a role on a line from the knowledge base: the documents tagged for both (untagged means
 * everyone / every line), training guides first, then what the guides refer to in that order, then the rest by type
 * (line-specific before plant-wide); documents named as prerequisites in metadata move before the ones needing them.
 * Each document gives a read item per top-level section, its practical tasks and its quiz; documents group into the
 * module their metadata names (else one module per document type). A trainer's saved standard is applied last.
 */
public final class PathAssembler {
    private static final Map<String, Integer> TYPE_ORDER = Map.of(
            "training-guide", 0, "standard", 1, "sop", 2, "work-instruction", 3, "playbook", 4);
    private static final Map<String, String> TYPE_MODULE = Map.of(
            "training-guide", "Training guides", "standard", "Standards", "sop", "Standard operating procedures",
            "work-instruction", "Work instructions", "playbook", "Playbooks");
    private static final Pattern DOC_REF = Pattern.compile("\\b[A-Z]{2,}(?:-[A-Z0-9]+)+\\b");

    private final KnowledgeSearch knowledge;
    private final Predicate<String> knownSkill;
    private final ApprovedQuestions approved;

    public PathAssembler(KnowledgeSearch knowledge, Predicate<String> knownSkill) {
        this(knowledge, knownSkill, ApprovedQuestions.NONE);
    }

    /** {@code approved}: questions trainers approved beyond the documents' metadata; they count toward a quiz item. */
    public PathAssembler(KnowledgeSearch knowledge, Predicate<String> knownSkill, ApprovedQuestions approved) {
        this.knowledge = knowledge;
        this.knownSkill = knownSkill;
        this.approved = approved;
    }

    /** The documents of the path in reading order (prerequisites first), with pinned documents kept. */
    public List<DocumentInfo> documents(String role, String line, Set<String> pinnedDocuments) {
        List<DocumentInfo> all = knowledge.documents();
        List<DocumentInfo> docs = all.stream()
                .filter(doc -> pinnedDocuments.contains(doc.id()) || (tagged(doc.roles(), role) && onLine(doc.lines(), line)))
                .toList();
        Map<String, DocumentInfo> byId = new LinkedHashMap<>();
        docs.forEach(d -> byId.putIfAbsent(d.id(), d));
        Set<String> ordered = new LinkedHashSet<>();
        List<DocumentInfo> guides = docs.stream().filter(d -> "training-guide".equals(d.type())).sorted(general()).toList();
        guides.forEach(g -> ordered.add(g.id()));
        guides.forEach(g -> ordered.addAll(referencedIn(g, byId.keySet())));
        docs.stream().sorted(general()).forEach(d -> ordered.add(d.id()));
        return prerequisitesFirst(ordered.stream().map(byId::get).toList(), byId);
    }

    public TrainingPath assemble(String role, String line, StandardPath standard) {
        Set<String> pinnedDocs = new HashSet<>();
        if (standard != null) {
            standard.pinned().forEach(id -> pinnedDocs.add(documentOf(id)));
        }
        Map<String, List<PathItem>> moduleItems = new LinkedHashMap<>();
        Map<String, Set<String>> moduleGrants = new LinkedHashMap<>();
        Set<String> namedModules = new HashSet<>();
        for (DocumentInfo doc : documents(role, line, pinnedDocs)) {
            TrainingMetadata t = doc.training() == null ? TrainingMetadata.NONE : doc.training();
            String module = t.module() != null ? t.module() : TYPE_MODULE.getOrDefault(doc.type(), "Other documents");
            if (t.module() != null) {
                namedModules.add(module);
            }
            List<PathItem> items = moduleItems.computeIfAbsent(module, k -> new ArrayList<>());
            Set<String> grants = moduleGrants.computeIfAbsent(module, k -> new LinkedHashSet<>());
            t.grants().stream().filter(knownSkill).forEach(grants::add);
            for (String number : doc.sections() == null ? List.<String>of() : doc.sections()) {
                // Subsections are read with their section; "0" is the preamble before the first numbered heading.
                if (number.contains(".") || number.equals("0")) {
                    continue;
                }
                Optional<Section> s = knowledge.section(doc.id(), number);
                String heading = s.map(Section::heading).filter(h -> h != null && !h.isBlank()).orElse("Section " + number);
                items.add(new PathItem("read:" + doc.id() + "#" + number, ItemKind.READ, doc.id(), doc.title(), number,
                        "Read " + doc.id() + " §" + number + " " + heading, false));
            }
            for (int i = 0; i < t.practical().size(); i++) {
                items.add(new PathItem("practical:" + doc.id() + "#" + (i + 1), ItemKind.PRACTICAL, doc.id(), doc.title(),
                        null, "Show a trainer: " + t.practical().get(i), false));
            }
            int questions = t.quiz().size() + approved.of(doc.id()).size();
            if (questions > 0) {
                items.add(new PathItem("quiz:" + doc.id(), ItemKind.QUIZ, doc.id(), doc.title(), null,
                        "Quiz on " + doc.id() + " (" + questions + " question" + (questions == 1 ? "" : "s") + ")",
                        false));
            }
        }
        // Modules the documents name (the trainer's structure) first, in reading order; then one per document type.
        List<PathModule> modules = new ArrayList<>();
        List<PathModule> byType = new ArrayList<>();
        moduleItems.forEach((title, items) -> {
            if (!items.isEmpty()) {
                (namedModules.contains(title) ? modules : byType)
                        .add(new PathModule(slug(title), title, List.copyOf(moduleGrants.get(title)), items));
            }
        });
        modules.addAll(byType);
        String id = TrainingPath.id(role, line);
        if (standard == null) {
            return new TrainingPath(id, role, line, modules, false, null, null);
        }
        return new TrainingPath(id, role, line, apply(modules, standard), true, standard.savedBy(), standard.savedAt());
    }

    private static List<PathModule> apply(List<PathModule> modules, StandardPath standard) {
        Map<String, Integer> rank = new LinkedHashMap<>();
        for (int i = 0; i < standard.order().size(); i++) {
            rank.putIfAbsent(standard.order().get(i), i);
        }
        List<PathModule> out = new ArrayList<>();
        for (PathModule m : modules) {
            List<PathItem> items = new ArrayList<>();
            for (PathItem item : m.items()) {
                if (!standard.dropped().contains(item.id())) {
                    items.add(item.pinnedAs(standard.pinned().contains(item.id())));
                }
            }
            List<PathItem> sorted = new ArrayList<>(items);
            // Stable: listed items by their rank first, the others keep the assembled order after them.
            sorted.sort(Comparator.comparingInt(i -> rank.getOrDefault(i.id(), Integer.MAX_VALUE)));
            if (!sorted.isEmpty()) {
                out.add(new PathModule(m.id(), m.title(), m.grants(), sorted));
            }
        }
        return out;
    }

    /** The document an item id points at: {@code read:DOC#3} → DOC. */
    static String documentOf(String itemId) {
        int colon = itemId.indexOf(':');
        String rest = colon < 0 ? itemId : itemId.substring(colon + 1);
        int hash = rest.indexOf('#');
        return hash < 0 ? rest : rest.substring(0, hash);
    }

    private static List<DocumentInfo> prerequisitesFirst(List<DocumentInfo> ordered, Map<String, DocumentInfo> byId) {
        List<DocumentInfo> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<DocumentInfo> remaining = new ArrayList<>(ordered);
        while (!remaining.isEmpty()) {
            DocumentInfo next = null;
            for (DocumentInfo d : remaining) {
                List<String> pre = d.training() == null ? List.of() : d.training().prerequisites();
                if (pre.stream().allMatch(p -> placed.contains(p) || !byId.containsKey(p))) {
                    next = d;
                    break;
                }
            }
            if (next == null) {
                next = remaining.get(0);  // a prerequisite cycle: keep the base order rather than loop
            }
            remaining.remove(next);
            placed.add(next.id());
            out.add(next);
        }
        return out;
    }

    private List<String> referencedIn(DocumentInfo guide, Set<String> known) {
        List<String> out = new ArrayList<>();
        for (String number : guide.sections() == null ? List.<String>of() : guide.sections()) {
            Optional<Section> s = knowledge.section(guide.id(), number);
            if (s.isEmpty()) {
                continue;
            }
            Matcher m = DOC_REF.matcher(s.get().text());
            while (m.find()) {
                if (known.contains(m.group()) && !out.contains(m.group())) {
                    out.add(m.group());
                }
            }
        }
        return out;
    }

    private static boolean tagged(List<String> roles, String role) {
        return roles == null || roles.isEmpty() || roles.contains(role);
    }

    private static boolean onLine(List<String> lines, String line) {
        return lines == null || lines.isEmpty() || (line != null && lines.contains(line));
    }

    private static Comparator<DocumentInfo> general() {
        return Comparator.comparingInt((DocumentInfo doc) -> TYPE_ORDER.getOrDefault(doc.type(), 5))
                .thenComparing(doc -> doc.lines() == null || doc.lines().isEmpty())
                .thenComparing(DocumentInfo::id);
    }

    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "module" : s;
    }
}
