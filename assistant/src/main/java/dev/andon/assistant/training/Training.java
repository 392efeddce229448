package dev.andon.assistant.training;

import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.ConflictException;
import dev.andon.core.json.AndonJson;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.RosterEntry;
import dev.andon.core.skills.SkillsMatrix;
import dev.andon.core.store.AndonDatabase;
import dev.andon.knowledge.DocumentInfo;
import dev.andon.knowledge.KnowledgeSearch;
import dev.andon.knowledge.Section;
import dev.andon.knowledge.ingest.TrainingMetadata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Onboarding: paths per role and line (assembled from the knowledge base, shaped by a trainer), what each person has
 * read, shown and passed, and sign-off by a trainer, which grants the module's skills in the skills matrix.
 * A person's paths are the role-and-line pairs the roster gives them. Items read before a section changed count as
 * "re-read": the record keeps a fingerprint of the text read, so a new document version that changes the section puts
 * it back for everyone, and one that leaves it alone does not (also for versions ingested while Andon was down).
 */
public final class Training {
    /** Quiz pass mark in percent. */
    public static final int PASS_PERCENT = 80;
    /** How long a qualification granted by sign-off lasts. */
    public static final int QUALIFICATION_MONTHS = 24;

    private final Plant plant;
    private final KnowledgeSearch knowledge;
    private final PathAssembler assembler;
    private final TrainingStore store;
    private final SkillsMatrix matrix;
    private final AndonDatabase db;
    private final PermissionPolicy policy;
    private final AuditTrail audit;
    private final ApprovedQuestions approved;
    private final Clock clock;

    /** Standalone (tools, tests): audit records go to the store's audit trail through an own handle. */
    public Training(Plant plant, KnowledgeSearch knowledge, TrainingStore store, SkillsMatrix matrix, AndonDatabase db,
                    PermissionPolicy policy, Clock clock) {
        this(plant, knowledge, store, matrix, db, policy, new AuditTrail(db, AndonJson.newMapper(), clock), clock);
    }

    /** Trainers' changes (standard paths, observations, sign-offs) are recorded in {@code audit} in the same write. */
    public Training(Plant plant, KnowledgeSearch knowledge, TrainingStore store, SkillsMatrix matrix, AndonDatabase db,
                    PermissionPolicy policy, AuditTrail audit, Clock clock) {
        this(plant, knowledge, store, matrix, db, policy, audit, ApprovedQuestions.NONE, clock);
    }

    /** {@code approved}: quiz questions trainers approved (drafted by a model), asked after the documents' own. */
    public Training(Plant plant, KnowledgeSearch knowledge, TrainingStore store, SkillsMatrix matrix, AndonDatabase db,
                    PermissionPolicy policy, AuditTrail audit, ApprovedQuestions approved, Clock clock) {
        this.audit = audit;
        this.approved = approved;
        this.plant = plant;
        this.knowledge = knowledge;
        this.assembler = new PathAssembler(knowledge, id -> matrix.catalog().skill(id).isPresent(), approved);
        this.store = store;
        this.matrix = matrix;
        this.db = db;
        this.policy = policy;
        this.clock = clock;
    }

    /** The path of {@code role} on {@code line}, with the line's saved standard applied if there is one. */
    public TrainingPath path(String role, String line) {
        checkRoleAndLine(role, line);
        return assembler.assemble(role, line, store.standard(TrainingPath.id(role, line)).orElse(null));
    }

    /** The documents of a path in reading order, for answers that list documents rather than items. */
    public List<DocumentInfo> documents(String role, String line) {
        Set<String> pinned = new LinkedHashSet<>();
        store.standard(TrainingPath.id(role, line)).ifPresent(s -> s.pinned().forEach(p -> pinned.add(PathAssembler.documentOf(p))));
        return assembler.documents(role, line, pinned);
    }

    /**
     * Saves a trainer's edits as the line's standard path. Every item id must be on the assembled path (pinned ones
     * may also be items of any current document); an item cannot be both pinned and dropped.
     */
    public TrainingPath saveStandard(Principal trainer, String role, String line, List<String> order, Set<String> pinned,
                                     Set<String> dropped) {
        checkRoleAndLine(role, line);
        policy.require(trainer, Action.TRAINING_MANAGE, line);
        TrainingPath assembled = assembler.assemble(role, line, new StandardPath(role, line, List.of(), pinned, Set.of(), null, null));
        List<Problem> problems = new ArrayList<>();
        check(assembled, "order", order, problems);
        check(assembled, "pinned", pinned, problems);
        check(assembled, "dropped", dropped, problems);
        for (String id : pinned) {
            if (dropped.contains(id)) {
                problems.add(new Problem("dropped", "'" + id + "' is also pinned; an item is either kept or dropped"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        StandardPath standard = new StandardPath(role, line, order, pinned, dropped, trainer.id(), clock.instant());
        Object before = store.standard(TrainingPath.id(role, line)).orElse(null);
        db.write(() -> {
            store.putStandard(TrainingPath.id(role, line), standard);
            audit.record(trainer, "training.standard-path", "training-path/" + TrainingPath.id(role, line), before, standard);
        });
        return assembler.assemble(role, line, standard);
    }

    private static void check(TrainingPath path, String field, java.util.Collection<String> ids, List<Problem> problems) {
        for (String id : ids) {
            if (path.item(id).isEmpty()) {
                problems.add(new Problem(field, "'" + id + "' is not an item of the path " + path.id()));
            }
        }
    }

    /** The role-and-line paths a person is on: one per roster entry. */
    public List<TrainingPath> pathsOf(String person) {
        requirePerson(person);
        Set<String> seen = new LinkedHashSet<>();
        List<TrainingPath> out = new ArrayList<>();
        for (RosterEntry r : plant.roster()) {
            if (r.person().equals(person) && seen.add(TrainingPath.id(r.role(), r.line()))) {
                out.add(path(r.role(), r.line()));
            }
        }
        return out;
    }

    public List<Progress> progress(String person) {
        return pathsOf(person).stream().map(p -> progress(person, p)).toList();
    }

    public Progress progress(String person, TrainingPath path) {
        Map<String, ItemRecord> records = new LinkedHashMap<>();
        store.records(person, path.id()).forEach(r -> records.put(r.item(), r));
        Map<String, SignOff> signOffs = new LinkedHashMap<>();
        store.signOffs(person, path.id()).forEach(s -> signOffs.put(s.module(), s));
        Map<String, DocumentInfo> docs = new LinkedHashMap<>();
        knowledge.documents().forEach(d -> docs.putIfAbsent(d.id(), d));
        List<Progress.ModuleProgress> modules = new ArrayList<>();
        Progress.ItemProgress next = null;
        int done = 0;
        int total = 0;
        for (PathModule m : path.modules()) {
            List<Progress.ItemProgress> items = new ArrayList<>();
            int moduleDone = 0;
            for (PathItem item : m.items()) {
                ItemRecord r = records.get(item.id());
                ItemStatus status = status(item, r);
                DocumentInfo doc = docs.get(item.documentId());
                Progress.ItemProgress ip = new Progress.ItemProgress(item, status, r == null ? null : r.version(),
                        doc == null ? null : doc.version(), r == null ? null : r.at(), r == null ? null : r.by(),
                        r == null ? null : r.score());
                items.add(ip);
                if (status == ItemStatus.DONE) {
                    moduleDone++;
                } else if (next == null) {
                    next = ip;
                }
            }
            boolean complete = moduleDone == m.items().size();
            SignOff s = signOffs.get(m.id());
            modules.add(new Progress.ModuleProgress(m.id(), m.title(), m.grants(), moduleDone, m.items().size(), complete,
                    complete && s == null, s, items));
            done += moduleDone;
            total += m.items().size();
        }
        return new Progress(person, plant.person(person).map(Person::name).orElse(person), path.id(), path.role(),
                path.line(), done, total, next, modules);
    }

    private ItemStatus status(PathItem item, ItemRecord r) {
        if (r == null) {
            return ItemStatus.TODO;
        }
        return switch (item.kind()) {
            case PRACTICAL -> ItemStatus.DONE;
            case READ -> fingerprint(item).map(f -> f.equals(r.fingerprint()) ? ItemStatus.DONE : ItemStatus.REREAD)
                    .orElse(ItemStatus.REREAD);
            case QUIZ -> r.score() != null && r.score() >= PASS_PERCENT
                    && quizFingerprint(item.documentId()).equals(r.fingerprint()) ? ItemStatus.DONE : ItemStatus.TODO;
        };
    }

    /** Records that {@code reader} read a section of their own path, with the document version read. */
    public Progress.ItemProgress markRead(Principal reader, String role, String line, String itemId) {
        TrainingPath path = ownPath(reader, role, line);
        PathItem item = itemOn(path, itemId, ItemKind.READ);
        Section section = knowledge.section(item.documentId(), item.section())
                .orElseThrow(() -> new NotFoundException("section", item.documentId() + " §" + item.section()));
        ItemRecord r = new ItemRecord(reader.id(), path.id(), itemId, ItemKind.READ, section.version(),
                hash(section.text()), null, reader.id(), clock.instant());
        db.write(() -> store.putRecord(r));
        return new Progress.ItemProgress(item, ItemStatus.DONE, r.version(), r.version(), r.at(), r.by(), null);
    }

    /** The questions of a quiz item on the asker's path, without the answers. */
    public List<Question> quiz(Principal learner, String role, String line, String itemId) {
        TrainingPath path = ownPath(learner, role, line);
        PathItem item = itemOn(path, itemId, ItemKind.QUIZ);
        List<Question> out = new ArrayList<>();
        List<TrainingMetadata.QuizQuestion> qs = questions(item.documentId());
        for (int i = 0; i < qs.size(); i++) {
            out.add(new Question(i, qs.get(i).question(), qs.get(i).options(), qs.get(i).section()));
        }
        return out;
    }

    /** A quiz question as the learner sees it. */
    public record Question(int number, String question, List<String> options, String section) {
    }

    /**
     * Marks {@code answers} (option index per question, in order) for a quiz item on the learner's own path; the
     * attempt is recorded (a pass keeps standing until the questions change).
     */
    public QuizResult answerQuiz(Principal learner, String role, String line, String itemId, List<Integer> answers) {
        TrainingPath path = ownPath(learner, role, line);
        PathItem item = itemOn(path, itemId, ItemKind.QUIZ);
        List<TrainingMetadata.QuizQuestion> qs = questions(item.documentId());
        if (answers == null || answers.size() != qs.size()) {
            throw new InvalidInputException("answers", "expected " + qs.size() + " answers (one option number per question, from 0), got "
                    + (answers == null ? 0 : answers.size()));
        }
        List<QuizResult.Wrong> wrong = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            Integer a = answers.get(i);
            if (a == null || a < 0 || a >= qs.get(i).options().size()) {
                throw new InvalidInputException("answers[" + i + "]", "must be an option number from 0 to " + (qs.get(i).options().size() - 1));
            }
            if (a != qs.get(i).answer()) {
                wrong.add(new QuizResult.Wrong(i, qs.get(i).question(), qs.get(i).section()));
            }
        }
        int score = Math.round(100f * (qs.size() - wrong.size()) / qs.size());
        boolean passed = score >= PASS_PERCENT;
        Optional<ItemRecord> before = store.record(learner.id(), path.id(), itemId);
        // A failed retake does not undo an earlier pass on the same questions.
        if (passed || before.isEmpty() || before.get().score() == null || before.get().score() < PASS_PERCENT) {
            String version = docVersion(item.documentId());
            ItemRecord r = new ItemRecord(learner.id(), path.id(), itemId, ItemKind.QUIZ, version,
                    quizFingerprint(item.documentId()), score, learner.id(), clock.instant());
            db.write(() -> store.putRecord(r));
        }
        return new QuizResult(itemId, score, passed, wrong);
    }

    /** A trainer records that {@code person} showed a practical task of their path. */
    public Progress.ItemProgress observe(Principal trainer, String person, String role, String line, String itemId) {
        requireTrainerFor(trainer, person, line, "observe");
        TrainingPath path = pathOf(person, role, line);
        PathItem item = itemOn(path, itemId, ItemKind.PRACTICAL);
        ItemRecord r = new ItemRecord(person, path.id(), itemId, ItemKind.PRACTICAL, docVersion(item.documentId()), null,
                null, trainer.id(), clock.instant());
        db.write(() -> {
            store.putRecord(r);
            audit.record(trainer, "training.observe", "training/" + person + "/" + path.id() + "/" + itemId, null, r);
        });
        return new Progress.ItemProgress(item, ItemStatus.DONE, r.version(), r.version(), r.at(), r.by(), null);
    }

    /**
     * A trainer for the line signs off a complete module of {@code person}'s path: recorded together with the skills
     * it grants (qualified for {@link #QUALIFICATION_MONTHS} months) in one store write. Refused for one's own
     * training, by someone without training:manage on the line, for an incomplete or already signed module.
     */
    public SignOff signOff(Principal trainer, String person, String role, String line, String moduleId) {
        requireTrainerFor(trainer, person, line, "sign off");
        TrainingPath path = pathOf(person, role, line);
        PathModule module = path.module(moduleId).orElseThrow(() -> new InvalidInputException("module",
                "'" + moduleId + "' is not a module of the path " + path.id() + "; modules: "
                        + String.join(", ", path.modules().stream().map(PathModule::id).toList())));
        Progress progress = progress(person, path);
        Progress.ModuleProgress mp = progress.modules().stream().filter(m -> m.id().equals(moduleId)).findFirst().orElseThrow();
        if (mp.signOff() != null) {
            throw new ConflictException("module " + moduleId + " of " + path.id() + " was already signed off for " + person
                    + " by " + mp.signOff().trainer() + " at " + mp.signOff().at());
        }
        if (!mp.complete()) {
            List<String> left = mp.items().stream().filter(i -> i.status() != ItemStatus.DONE)
                    .map(i -> i.item().id() + " (" + i.status().wire() + ")").toList();
            throw new ConflictException("module " + moduleId + " is not complete for " + person + ": " + left.size()
                    + " item(s) left: " + String.join(", ", left));
        }
        LocalDate until = matrix.today().plusMonths(QUALIFICATION_MONTHS);
        SignOff s = new SignOff(person, path.id(), moduleId, trainer.id(), clock.instant(), module.grants(),
                module.grants().isEmpty() ? null : until);
        db.write(() -> {
            store.putSignOff(s);
            audit.record(trainer, "training.sign-off", "training/" + person + "/" + path.id() + "/" + moduleId, null, s);
            matrix.grantFromTraining(trainer, person, module.grants(), until, "sign-off " + path.id() + "/" + moduleId);
        });
        return s;
    }

    /** Progress of everyone rostered on {@code line} (null: every line the trainer may manage), pending sign-offs first. */
    public List<Progress> dashboard(Principal trainer, String line) {
        List<Progress> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RosterEntry r : plant.roster()) {
            if ((line != null && !line.equals(r.line())) || !policy.allows(trainer, Action.TRAINING_MANAGE, r.line())) {
                continue;
            }
            if (seen.add(r.person() + "|" + TrainingPath.id(r.role(), r.line()))) {
                out.add(progress(r.person(), path(r.role(), r.line())));
            }
        }
        if (line != null && out.isEmpty()) {
            policy.require(trainer, Action.TRAINING_MANAGE, line);
        }
        out.sort(java.util.Comparator.comparing((Progress p) -> p.modules().stream().noneMatch(Progress.ModuleProgress::pending))
                .thenComparing(Progress::person));
        return out;
    }

    private void requireTrainerFor(Principal trainer, String person, String line, String what) {
        if (trainer.id().equals(person)) {
            throw new ForbiddenException(trainer.id() + " may not " + what + " their own training; another trainer for "
                    + line + " does");
        }
        policy.require(trainer, Action.TRAINING_MANAGE, line);
    }

    private TrainingPath ownPath(Principal who, String role, String line) {
        return pathOf(who.id(), role, line);
    }

    /** The path, if the person is on it (rostered in that role on that line); 400 otherwise. */
    private TrainingPath pathOf(String person, String role, String line) {
        requirePerson(person);
        checkRoleAndLine(role, line);
        boolean on = plant.roster().stream().anyMatch(r -> r.person().equals(person) && r.role().equals(role) && r.line().equals(line));
        if (!on) {
            throw new InvalidInputException("path", person + " is not on the path " + TrainingPath.id(role, line)
                    + " (not rostered as " + role + " on " + line + ")");
        }
        return path(role, line);
    }

    private static PathItem itemOn(TrainingPath path, String itemId, ItemKind kind) {
        PathItem item = path.item(itemId).orElseThrow(() -> new InvalidInputException("item",
                "'" + itemId + "' is not an item on the path " + path.id()));
        if (item.kind() != kind) {
            throw new InvalidInputException("item", "'" + itemId + "' is a " + item.kind().wire() + " item, not a "
                    + kind.wire() + " item");
        }
        return item;
    }

    private void requirePerson(String person) {
        if (person == null || plant.person(person).isEmpty()) {
            throw new NotFoundException("person", String.valueOf(person));
        }
    }

    private void checkRoleAndLine(String role, String line) {
        List<Problem> problems = new ArrayList<>();
        if (role == null || plant.role(role).isEmpty()) {
            problems.add(new Problem("role", "unknown role '" + role + "'"));
        }
        if (line == null || plant.line(line).isEmpty()) {
            problems.add(new Problem("line", "unknown line '" + line + "'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private Optional<String> fingerprint(PathItem item) {
        return knowledge.section(item.documentId(), item.section()).map(s -> hash(s.text()));
    }

    private List<TrainingMetadata.QuizQuestion> questions(String documentId) {
        List<TrainingMetadata.QuizQuestion> all = new ArrayList<>(knowledge.documents().stream()
                .filter(d -> d.id().equals(documentId)).findFirst()
                .map(d -> d.training() == null ? List.<TrainingMetadata.QuizQuestion>of() : d.training().quiz())
                .orElse(List.of()));
        all.addAll(approved.of(documentId));
        return all;
    }

    private String quizFingerprint(String documentId) {
        StringBuilder sb = new StringBuilder();
        for (TrainingMetadata.QuizQuestion q : questions(documentId)) {
            sb.append(q.question()).append('\u0001').append(String.join("\u0002", q.options())).append('\u0001')
                    .append(q.answer()).append('\n');
        }
        return hash(sb.toString());
    }

    private String docVersion(String documentId) {
        return knowledge.documents().stream().filter(d -> d.id().equals(documentId)).findFirst()
                .map(DocumentInfo::version).orElse(null);
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
