package dev.andon.assistant.training;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The onboarding path for a role on a line: modules of items in reading order. {@code standard} is true when a
 * trainer's saved edits (order, pins, drops) are applied; {@code savedBy}/{@code savedAt} say whose and when.
 */
public record TrainingPath(String id, String role, String line, List<PathModule> modules, boolean standard,
                           String savedBy, Instant savedAt) {
    public TrainingPath {
        modules = List.copyOf(modules);
    }

    public static String id(String role, String line) {
        return role + "@" + line;
    }

    public Optional<PathItem> item(String itemId) {
        return modules.stream().flatMap(m -> m.items().stream()).filter(i -> i.id().equals(itemId)).findFirst();
    }

    public Optional<PathModule> module(String moduleId) {
        return modules.stream().filter(m -> m.id().equals(moduleId)).findFirst();
    }

    public Optional<PathModule> moduleOf(String itemId) {
        return modules.stream().filter(m -> m.items().stream().anyMatch(i -> i.id().equals(itemId))).findFirst();
    }

    public List<PathItem> items() {
        return modules.stream().flatMap(m -> m.items().stream()).toList();
    }
}
