package dev.andon.core.error;

import java.time.Duration;

/**
 * The store could not commit (disk full, I/O error): the write was rolled back, nothing of it was kept. Maps to 503;
 * writes work again once the cause is gone.
 */
public class StoreUnavailableException extends ServiceUnavailableException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, Duration.ofSeconds(5), cause);
    }
}
