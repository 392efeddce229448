package dev.andon.assistant.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.Problem;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.identity.Principal;
import dev.andon.core.store.AndonDatabase;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every answer given (question, answer, citations, versions) and the feedback on it. Ratings are kept as a history:
 * a user who changes their mind adds a newer entry; {@link #latestFor} gives the current one.
 */
public final class FeedbackStore {
    public static final int MAX_COMMENT = 2000;

    private final AndonDatabase db;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditTrail audit;
    private final Map<String, String> answers;
    private final java.util.NavigableMap<Long, String> feedback;
    private final Map<String, String> latest;
    private final java.util.function.LongSupplier ids;

    public FeedbackStore(AndonDatabase db, ObjectMapper json, AuditTrail audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.answers = db.jsonMap("chat-answers");
        this.feedback = db.orderedJsonMap("chat-feedback");
        this.latest = db.jsonMap("chat-feedback-latest");
        this.ids = db.counter("chat-feedback-ids");
    }

    /** Keeps an answer so it can be rated; joins the caller's write when called inside one. */
    public void remember(AnswerRecord answer) {
        db.write(() -> answers.put(answer.answerId(), encode(answer)));
    }

    public Optional<AnswerRecord> answer(String answerId) {
        if (answerId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(answers.get(answerId)).map(t -> decode(t, AnswerRecord.class));
    }

    /**
     * Records thumbs up/down ({@code up}/{@code down}) with an optional comment, by {@code by} (who must be the person
     * the answer was given to), audited in the same write. Bad fields → {@link InvalidInputException} listing each;
     * an unknown answer → {@link NotFoundException}.
     */
    public Feedback rate(String answerId, Principal by, String rating, String comment) {
        String userId = by == null ? null : by.id();
        List<Problem> problems = new ArrayList<>();
        if (answerId == null || answerId.isBlank()) {
            problems.add(new Problem("answerId", "is required"));
        }
        Optional<Rating> r = Rating.parse(rating);
        if (r.isEmpty()) {
            problems.add(new Problem("rating", rating == null ? "is required (up or down)" : "must be up or down"));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            problems.add(new Problem("comment", "must be at most " + MAX_COMMENT + " characters (got " + comment.length() + ")"));
        }
        if (userId != null && userId.length() > 100) {
            problems.add(new Problem("userId", "must be at most 100 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AnswerRecord answer = answer(answerId).orElseThrow(() -> new NotFoundException("answer", answerId));
        if (userId != null && answer.userId() != null && !answer.userId().equals(userId)) {
            throw new dev.andon.core.error.ForbiddenException("answer " + answerId + " was given to another user; rate your own answers");
        }
        String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
        return db.write(() -> {
            long id = ids.getAsLong();
            Feedback f = new Feedback(id, answerId, userId, r.get(), cleanComment, clock.instant(), answer);
            feedback.put(id, encode(f));
            latest.put(answerId, Long.toString(id));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("rating", r.get().name().toLowerCase(java.util.Locale.ROOT));
            after.put("comment", cleanComment);
            audit.record(by, "chat.feedback", "answer/" + answerId, null, after);
            return f;
        });
    }

    public Optional<Feedback> latestFor(String answerId) {
        String id = answerId == null ? null : latest.get(answerId);
        return id == null ? Optional.empty() : Optional.ofNullable(feedback.get(Long.parseLong(id))).map(t -> decode(t, Feedback.class));
    }

    /** Newest first. */
    public List<Feedback> list(int limit) {
        List<Feedback> out = new ArrayList<>();
        for (Map.Entry<Long, String> e : feedback.descendingMap().entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(decode(e.getValue(), Feedback.class));
        }
        return out;
    }

    private String encode(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feedback data cannot be encoded", e);
        }
    }

    private <T> T decode(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored feedback data cannot be decoded", e);
        }
    }
}
