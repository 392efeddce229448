package dev.andon.assistant.conversation;

import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.ChatRequest;
import dev.andon.assistant.Citation;
import dev.andon.assistant.answer.Reply;
import dev.andon.assistant.feedback.AnswerRecord;
import dev.andon.assistant.feedback.FeedbackStore;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.identity.Principal;
import dev.andon.core.store.AndonDatabase;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One conversational turn, start to finish: opens (or starts) the user's conversation, serialises turns of the same
 * conversation, and records the question, the answer, the answer's provenance (for feedback) and the new context in
 * one commit, with the turn's audit record ({@code chat.answer}: who asked, which answer, what it cited).
 */
public final class TurnRecorder {
    private static final int STRIPES = 64;

    private final AndonDatabase db;
    private final ConversationStore conversations;
    private final FeedbackStore feedback;
    private final Clock clock;
    private final AuditTrail audit;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public TurnRecorder(AndonDatabase db, ConversationStore conversations, FeedbackStore feedback, AuditTrail audit,
                        Clock clock) {
        this.db = db;
        this.audit = audit;
        this.conversations = conversations;
        this.feedback = feedback;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public ConversationStore conversations() {
        return conversations;
    }

    /**
     * Runs {@code turn} for the request's conversation (a new id when it has none) while holding that conversation's
     * lock, so two messages of one conversation never interleave. Another user's conversation → {@link ForbiddenException}.
     */
    public ChatAnswer run(ChatRequest request, Function<Turn, ChatAnswer> turn) {
        String id = request.conversationId() != null ? request.conversationId() : UUID.randomUUID().toString();
        ReentrantLock lock = locks[Math.floorMod(id.hashCode(), STRIPES)];
        lock.lock();
        try {
            Conversation c = conversations.find(id).orElseGet(() ->
                    Conversation.start(id, request.userId(), request.role(), request.line(), clock.instant()));
            if (!c.userId().equals(request.userId())) {
                throw new ForbiddenException("conversation " + id + " belongs to another user");
            }
            ChatRequest withId = new ChatRequest(request.userId(), request.role(), request.line(), id, request.message(),
                    request.asker());
            return turn.apply(new Turn(withId, c));
        } finally {
            lock.unlock();
        }
    }

    /** Stores the turn and returns the answer as the caller sees it. */
    public ChatAnswer record(Turn turn, Reply reply, ConversationContext next, String mode, String model) {
        ChatRequest r = turn.request();
        Instant now = clock.instant();
        String answerId = UUID.randomUUID().toString();
        ChatAnswer answer = new ChatAnswer(answerId, r.conversationId(), reply.text(), reply.citations(),
                reply.intent().wire(), mode, model, reply.alertIds(),
                reply.pending() == null ? null : reply.pending().toConfirmation());
        AnswerRecord provenance = new AnswerRecord(answerId, r.conversationId(), r.userId(), r.role(), r.line(),
                r.message(), reply.text(), reply.intent().wire(), mode, model, reply.citations(),
                documentVersions(reply.citations()), reply.rulesetVersions(), reply.alertIds(), now);
        ConversationMessage asked = new ConversationMessage(0, ConversationMessage.USER, r.userId(), r.message(),
                null, null, null, null, List.of(), null, now);
        ConversationMessage answered = new ConversationMessage(0, ConversationMessage.ASSISTANT, r.userId(), reply.text(),
                answerId, reply.intent().wire(), mode, model, reply.citations(), answer.pendingConfirmation(), now);
        db.write(() -> {
            conversations.append(turn.conversation().next(next, r.role(), r.line(), now, 2), List.of(asked, answered));
            feedback.remember(provenance);
            audit.record(asker(r), "chat.answer", "conversation/" + r.conversationId(), null, auditSummary(answer));
        });
        return answer;
    }

    /** The asker from sign-in; in-process callers (tests, benches) name only a plant person. */
    private static Principal asker(ChatRequest r) {
        return r.asker() != null ? r.asker()
                : Principal.person(r.userId(), r.userId(), r.role() == null ? Set.of() : Set.of(r.role()), Set.of(), false);
    }

    /** What an auditor needs of an answer (its text stays in the conversation and the answer's provenance). */
    private static Map<String, Object> auditSummary(ChatAnswer a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("answerId", a.answerId());
        m.put("intent", a.intent());
        m.put("mode", a.mode());
        m.put("model", a.model());
        m.put("citations", a.citations().stream().limit(10)
                .map(c -> c.documentId() + "@" + c.version() + (c.section() == null ? "" : " §" + c.section())).toList());
        if (!a.alertIds().isEmpty()) {
            m.put("alerts", a.alertIds());
        }
        return m;
    }

    private static Map<String, String> documentVersions(List<Citation> citations) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Citation c : citations) {
            if (c.documentId() != null && c.version() != null) {
                out.putIfAbsent(c.documentId(), c.version());
            }
        }
        return out;
    }

    /** The validated request (with its conversation id) and the conversation as it stood before this turn. */
    public record Turn(ChatRequest request, Conversation conversation) {
    }
}
