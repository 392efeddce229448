package dev.andon.core.error;

/** One thing wrong with an input: where (a field path such as {@code confidence} or {@code roster[3].person}) and what. */
public record Problem(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
