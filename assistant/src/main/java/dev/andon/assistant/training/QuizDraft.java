package dev.andon.assistant.training;

import java.time.Instant;
import java.util.List;

/**
 * A quiz question a language model proposed for a section of a document. It is shown to trainers and asked of
 * nobody until a trainer approves it; a rejected one stays on record with who rejected it and why.
 */
public record QuizDraft(String id, String document, String section, String documentVersion, String question,
                        List<String> options, int answer, Status status, String proposedBy, Instant proposedAt,
                        String decidedBy, Instant decidedAt, String note) {
    public enum Status { PROPOSED, APPROVED, REJECTED }

    public QuizDraft {
        options = List.copyOf(options);
    }

    QuizDraft decided(Status to, String by, Instant at, String why) {
        return new QuizDraft(id, document, section, documentVersion, question, options, answer, to, proposedBy, proposedAt,
                by, at, why);
    }
}
