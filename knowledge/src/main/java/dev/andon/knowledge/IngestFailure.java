package dev.andon.knowledge;

import dev.andon.core.error.Problem;

import java.time.Instant;
import java.util.List;

/** A file in the documents folder that could not be indexed; retried as soon as the file changes. */
public record IngestFailure(String file, List<Problem> problems, Instant at) {
}
