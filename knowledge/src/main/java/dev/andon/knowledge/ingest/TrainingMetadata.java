package dev.andon.knowledge.ingest;

import java.util.List;

/**
 * What a document says about training with it (its {@code training:} metadata): the module it belongs to on an
 * onboarding path, documents to read first, practical tasks a trainer observes, the skills a signed-off module grants,
 * and quiz questions with their answers. Everything is optional; {@link #NONE} when the document says nothing.
 */
public record TrainingMetadata(String module, List<String> prerequisites, List<String> practical, List<String> grants,
                               List<QuizQuestion> quiz) {
    public static final TrainingMetadata NONE = new TrainingMetadata(null, List.of(), List.of(), List.of(), List.of());

    public TrainingMetadata {
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
        practical = practical == null ? List.of() : List.copyOf(practical);
        grants = grants == null ? List.of() : List.copyOf(grants);
        quiz = quiz == null ? List.of() : List.copyOf(quiz);
    }

    /** A multiple-choice question; {@code answer} is the index of the right option, {@code section} what it tests. */
    public record QuizQuestion(String question, List<String> options, int answer, String section) {
        public QuizQuestion {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }
}
