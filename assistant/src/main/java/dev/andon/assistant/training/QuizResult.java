package dev.andon.assistant.training;

import java.util.List;

/** A marked quiz: score in percent, passed at {@link Training#PASS_PERCENT}, and which questions were wrong (with the section to re-read). */
public record QuizResult(String item, int score, boolean passed, List<Wrong> wrong) {
    public record Wrong(int question, String text, String section) {
    }
}
