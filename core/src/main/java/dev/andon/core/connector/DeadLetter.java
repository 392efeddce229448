package dev.andon.core.connector;

import java.time.Instant;

/**
 * A message a connector could not deliver or accept, kept with its raw payload so nobody has to guess what was lost:
 * an inbound message that was malformed, unknown or over a limit, or an outbound notification whose receiver stayed
 * down through every retry. {@code raw} is the payload as UTF-8 text, or {@code base64:…} when it was not valid UTF-8.
 */
public record DeadLetter(long id, String connector, String direction, String reason, String raw, Instant at) {
    public static final String IN = "in";
    public static final String OUT = "out";
}
