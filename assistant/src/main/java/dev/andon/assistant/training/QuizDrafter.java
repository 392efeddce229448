package dev.andon.assistant.training;

import dev.andon.knowledge.ingest.TrainingMetadata;

import java.util.List;

/** Proposes quiz questions from a section's text; a language model does, when one is configured. */
public interface QuizDrafter {
    QuizDrafter NONE = new QuizDrafter() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String label() {
            return "none";
        }

        @Override
        public List<TrainingMetadata.QuizQuestion> propose(String documentTitle, String section, String sectionText, int count) {
            return List.of();
        }
    };

    boolean available();

    /** Who proposes, for the record (e.g. "llm:llama3.1"). */
    String label();

    /** Up to {@code count} questions on the text, each with options and the index of the right one. */
    List<TrainingMetadata.QuizQuestion> propose(String documentTitle, String section, String sectionText, int count);
}
