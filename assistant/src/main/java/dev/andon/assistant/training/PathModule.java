package dev.andon.assistant.training;

import java.util.List;

/** A group of items signed off together; sign-off grants {@code grants} (skills) into the skills matrix. */
public record PathModule(String id, String title, List<String> grants, List<PathItem> items) {
    public PathModule {
        grants = List.copyOf(grants);
        items = List.copyOf(items);
    }
}
