package dev.andon.core.skills;

import java.util.List;
import java.util.Set;

/**
 * One column of the skills matrix. {@code lines} are where it is needed (empty: everywhere); {@code satisfiedBy} lists
 * the subjects whose qualification counts for it — a station is also worked by someone qualified on one of its
 * equipment, as the assignee resolver has always accepted. {@code required} skills are the ones coverage checks.
 */
public record Skill(String id, String name, SkillKind kind, Set<String> lines, String station, String document,
                    List<String> satisfiedBy, boolean required) {
    public Skill {
        lines = lines == null ? Set.of() : Set.copyOf(lines);
        satisfiedBy = satisfiedBy == null ? List.of(id) : List.copyOf(satisfiedBy);
    }

    public boolean neededOn(String line) {
        return lines.isEmpty() || lines.contains(line);
    }
}
