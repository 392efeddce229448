package dev.andon.knowledge.watch;

import java.nio.file.Path;

/**
 * A document file found in the folder, with its sidecar if it has one. {@code hash} covers both files, so editing
 * either re-indexes the document.
 */
public record WatchedFile(String relativePath, Path path, Path sidecar, long size, String hash) {
}
