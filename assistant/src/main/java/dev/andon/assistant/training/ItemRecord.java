package dev.andon.assistant.training;

import java.time.Instant;

/**
 * What a person did on an item: read it (the document version and a fingerprint of the section text read), passed
 * its quiz (score, fingerprint of the questions) or showed the practical task to trainer {@code by}.
 */
public record ItemRecord(String person, String path, String item, ItemKind kind, String version, String fingerprint,
                         Integer score, String by, Instant at) {
}
