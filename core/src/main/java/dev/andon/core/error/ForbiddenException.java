package dev.andon.core.error;

/** The caller's role may not do this (approve a ruleset, acknowledge for another line…). Maps to HTTP 403. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
