package dev.andon.core.error;

import java.time.Duration;

/**
 * The request was fine but cannot be taken now (intake queue full, store cannot write); nothing of it was kept.
 * Maps to HTTP 503 with {@code Retry-After}.
 */
public class ServiceUnavailableException extends RuntimeException {
    private final Duration retryAfter;

    public ServiceUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public ServiceUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
