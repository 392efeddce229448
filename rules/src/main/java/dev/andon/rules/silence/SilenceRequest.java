package dev.andon.rules.silence;

import java.time.Instant;

/**
 * What a person asks for when silencing: {@code kind} silence or maintenance-window (null = silence), matchers
 * (null = any), {@code startsAt} (null = now) and {@code endsAt}, with the author and the reason.
 */
public record SilenceRequest(String kind, String line, String station, String type, Instant startsAt, Instant endsAt,
                             String author, String reason) {
}
