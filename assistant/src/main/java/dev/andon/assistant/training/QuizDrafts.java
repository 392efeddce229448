package dev.andon.assistant.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.ServiceUnavailableException;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.store.AndonDatabase;
import dev.andon.knowledge.KnowledgeSearch;
import dev.andon.knowledge.Section;
import dev.andon.knowledge.ingest.TrainingMetadata;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quiz questions drafted by a language model for a trainer to approve. A trainer asks for drafts on a section; what
 * the model proposes is checked (options, one right answer, the answer found in the section's own words) and stored
 * as proposed; only an approved draft joins the document's quiz ({@link ApprovedQuestions}). Every step is audited.
 */
public final class QuizDrafts implements ApprovedQuestions {
    private static final String MAP = "training-quiz-drafts";
    private static final String IDS = "training-quiz-draft-ids";
    private static final int MAX_PER_REQUEST = 5;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{4,}");
    private static final Set<String> FILLER = Set.of("with", "that", "this", "from", "have", "must", "into", "when",
            "before", "after", "should", "which", "there", "their", "only", "each", "than", "then", "they");

    private final KnowledgeSearch knowledge;
    private final AndonDatabase db;
    private final ObjectMapper json;
    private final QuizDrafter drafter;
    private final PermissionPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final NavigableMap<String, String> drafts;

    public QuizDrafts(KnowledgeSearch knowledge, AndonDatabase db, ObjectMapper json, QuizDrafter drafter,
                      PermissionPolicy policy, AuditTrail audit, Clock clock) {
        this.knowledge = knowledge;
        this.db = db;
        this.json = json;
        this.drafter = drafter;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.drafts = db.sortedStrings(MAP);
    }

    /** Asks the model for up to {@code count} questions on a section and keeps those that pass the checks, as proposed. */
    public List<QuizDraft> propose(Principal trainer, String documentId, String sectionNumber, int count) {
        policy.require(trainer, Action.TRAINING_MANAGE, null);
        if (count < 1 || count > MAX_PER_REQUEST) {
            throw new InvalidInputException("count", "must be 1 to " + MAX_PER_REQUEST);
        }
        Section section = knowledge.section(documentId, sectionNumber).orElseThrow(() ->
                new NotFoundException("section", documentId + "#" + sectionNumber));
        if (!drafter.available()) {
            throw new ConflictException("no language model is configured to draft questions; write them in the "
                    + "document's metadata (training.quiz), or configure a model (docs/assistant.md)");
        }
        List<TrainingMetadata.QuizQuestion> proposed;
        try {
            proposed = drafter.propose(section.title(), section.section(), section.text(), count);
        } catch (RuntimeException e) {
            // A model that is down or times out is the model's trouble, not the trainer's request: 503, try again.
            throw new ServiceUnavailableException("the language model did not answer (" + e.getClass().getSimpleName()
                    + "); nothing was drafted, try again later", java.time.Duration.ofSeconds(30), e);
        }
        Instant now = clock.instant();
        List<QuizDraft> kept = new ArrayList<>();
        for (TrainingMetadata.QuizQuestion q : proposed) {
            if (kept.size() < count && usable(q, section.text())) {
                kept.add(new QuizDraft(null, documentId, section.section(), section.version(), q.question().strip(),
                        q.options().stream().map(String::strip).toList(), q.answer(), QuizDraft.Status.PROPOSED,
                        "llm:" + drafter.label(), now, null, null, null));
            }
        }
        return db.write(() -> {
            List<QuizDraft> saved = new ArrayList<>();
            long next = db.sequenceValue(IDS);
            for (QuizDraft d : kept) {
                next++;
                QuizDraft withId = new QuizDraft(String.format(Locale.ROOT, "QD-%06d", next), d.document(), d.section(),
                        d.documentVersion(), d.question(), d.options(), d.answer(), d.status(), d.proposedBy(),
                        d.proposedAt(), null, null, null);
                put(withId);
                saved.add(withId);
            }
            db.raiseSequence(IDS, next);
            audit.record(trainer, "training.quiz-drafts-requested", "document/" + documentId + "#" + sectionNumber, null,
                    java.util.Map.of("proposed", proposed.size(), "kept", saved.stream().map(QuizDraft::id).toList()));
            return saved;
        });
    }

    /** Drafts of a document (all documents when null), oldest first. */
    public List<QuizDraft> list(Principal trainer, String documentId) {
        policy.require(trainer, Action.TRAINING_MANAGE, null);
        return all().stream().filter(d -> documentId == null || d.document().equals(documentId)).toList();
    }

    public QuizDraft approve(Principal trainer, String id) {
        return decide(trainer, id, QuizDraft.Status.APPROVED, null);
    }

    public QuizDraft reject(Principal trainer, String id, String why) {
        return decide(trainer, id, QuizDraft.Status.REJECTED, why == null || why.isBlank() ? null : why.strip());
    }

    private QuizDraft decide(Principal trainer, String id, QuizDraft.Status to, String why) {
        policy.require(trainer, Action.TRAINING_MANAGE, null);
        return db.write(() -> {
            QuizDraft d = get(id);
            if (d.status() != QuizDraft.Status.PROPOSED) {
                throw new ConflictException("quiz draft " + id + " was already " + d.status().name().toLowerCase(Locale.ROOT)
                        + " by " + d.decidedBy());
            }
            QuizDraft decided = d.decided(to, trainer.id(), clock.instant(), why);
            put(decided);
            audit.record(trainer, "training.quiz-draft-" + to.name().toLowerCase(Locale.ROOT), "quiz-draft/" + id,
                    d.status().name(), decided);
            return decided;
        });
    }

    /** The approved questions of a document, in the order they were approved. */
    @Override
    public List<TrainingMetadata.QuizQuestion> of(String documentId) {
        return all().stream().filter(d -> d.document().equals(documentId) && d.status() == QuizDraft.Status.APPROVED)
                .sorted(java.util.Comparator.comparing(QuizDraft::decidedAt))
                .map(d -> new TrainingMetadata.QuizQuestion(d.question(), d.options(), d.answer(), d.section())).toList();
    }

    /**
     * A question worth a trainer's look: a question, two to six distinct options, an answer among them, and the right
     * option's words found in the section, so the model cannot make up the fact it tests.
     */
    static boolean usable(TrainingMetadata.QuizQuestion q, String sectionText) {
        if (q.question() == null || q.question().isBlank() || q.options().size() < 2 || q.options().size() > 6) {
            return false;
        }
        if (q.answer() < 0 || q.answer() >= q.options().size()
                || q.options().stream().map(o -> o.strip().toLowerCase(Locale.ROOT)).distinct().count() != q.options().size()) {
            return false;
        }
        String text = sectionText.toLowerCase(Locale.ROOT);
        Matcher m = WORD.matcher(q.options().get(q.answer()).toLowerCase(Locale.ROOT));
        int words = 0;
        int found = 0;
        while (m.find()) {
            if (FILLER.contains(m.group())) {
                continue;
            }
            words++;
            if (text.contains(m.group())) {
                found++;
            }
        }
        String answer = q.options().get(q.answer()).strip().toLowerCase(Locale.ROOT);
        return words == 0 ? text.contains(answer) : found * 2 >= words + 1;
    }

    private List<QuizDraft> all() {
        List<QuizDraft> out = new ArrayList<>();
        for (String v : drafts.values()) {
            try {
                out.add(json.readValue(v, QuizDraft.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable quiz draft", e);
            }
        }
        return out;
    }

    private QuizDraft get(String id) {
        String v = drafts.get(id);
        if (v == null) {
            throw new NotFoundException("quiz draft", id);
        }
        try {
            return json.readValue(v, QuizDraft.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable quiz draft " + id, e);
        }
    }

    private void put(QuizDraft d) {
        try {
            drafts.put(d.id(), json.writeValueAsString(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
