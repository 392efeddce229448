package dev.andon.assistant.training;

import java.util.List;

/** A person's progress on one path: each module with its items' status, sign-off, and what is next. */
public record Progress(String person, String personName, String path, String role, String line, int done, int total,
                       ItemProgress next, List<ModuleProgress> modules) {

    /** An item with where the person stands on it; {@code version}/{@code at}/{@code by} from the record, if any. */
    public record ItemProgress(PathItem item, ItemStatus status, String version, String currentVersion,
                               java.time.Instant at, String by, Integer score) {
    }

    /**
     * A module: complete when every item is done; {@code signOff} once a trainer signed it; {@code pending} when it is
     * complete and waits for a trainer.
     */
    public record ModuleProgress(String id, String title, List<String> grants, int done, int total, boolean complete,
                                 boolean pending, SignOff signOff, List<ItemProgress> items) {
    }
}
