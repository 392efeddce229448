package dev.andon.core.error;

/** An upload or body over its configured limit. Maps to HTTP 413. */
public class PayloadTooLargeException extends RuntimeException {
    private final long limitBytes;

    public PayloadTooLargeException(String what, long limitBytes) {
        super(what + " exceeds the limit of " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
