package dev.andon.assistant.training;

import dev.andon.knowledge.ingest.TrainingMetadata;

import java.util.List;

/** Quiz questions a trainer approved for a document, beyond those its metadata carries. */
@FunctionalInterface
public interface ApprovedQuestions {
    ApprovedQuestions NONE = documentId -> List.of();

    List<TrainingMetadata.QuizQuestion> of(String documentId);
}
