package dev.andon.core.skills;

import dev.andon.core.plant.Qualification.Level;

import java.time.LocalDate;

/** A matrix cell as people read it: who, which skill, level, expiry and its status on the day asked. */
public record MatrixEntry(String person, String personName, String skill, String skillName, Level level,
                          LocalDate until, SkillStatus status, String source) {
}
