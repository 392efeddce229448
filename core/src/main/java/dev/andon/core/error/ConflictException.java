package dev.andon.core.error;

/** A request that is well-formed but not allowed in the current state (an illegal lifecycle transition). Maps to HTTP 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
