package dev.andon.core.skills;

import dev.andon.core.plant.Qualification.Level;

import java.time.LocalDate;

/**
 * Where a person stands on one subject on one day, for the decision engine: {@code counts} is what assignment uses;
 * {@code reason} says in plain words why not ("in training", "lapsed on 2026-01-31", "not qualified").
 */
public record Standing(boolean counts, Level level, LocalDate until, String reason) {
    public static final Standing NONE = new Standing(false, null, null, "not qualified");

    public static Standing of(SkillRecord r, LocalDate day) {
        if (r == null) {
            return NONE;
        }
        if (r.lapsedOn(day)) {
            return new Standing(false, r.level(), r.until(), "qualification lapsed on " + r.until());
        }
        if (r.level() == Level.IN_TRAINING) {
            return new Standing(false, r.level(), r.until(), "in training");
        }
        return new Standing(true, r.level(), r.until(), "qualified");
    }
}
