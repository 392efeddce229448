package dev.andon.core.error;

import java.time.Duration;

/** Too many attempts (failed sign-ins, a full intake queue): try again after {@code retryAfter}. Maps to HTTP 429. */
public class TooManyRequestsException extends RuntimeException {
    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
