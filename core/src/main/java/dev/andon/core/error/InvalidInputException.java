package dev.andon.core.error;

import java.util.List;

/** Input that fails validation; carries every problem found, not only the first. Maps to HTTP 400. */
public class InvalidInputException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder sb = new StringBuilder("invalid input");
        for (Problem p : problems) {
            sb.append("; ").append(p);
        }
        return sb.toString();
    }
}
