package dev.andon.core.error;

/** Nobody is signed in, or the credentials are wrong, expired or revoked. Maps to HTTP 401. */
public class UnauthenticatedException extends RuntimeException {
    public UnauthenticatedException(String message) {
        super(message);
    }
}
