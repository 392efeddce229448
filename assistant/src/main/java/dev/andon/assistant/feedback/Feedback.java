package dev.andon.assistant.feedback;

import java.time.Instant;

/** A thumbs up/down on an answer, with an optional comment, stored together with the answer as it was given. */
public record Feedback(long id, String answerId, String userId, Rating rating, String comment, Instant at,
                       AnswerRecord answer) {
}
