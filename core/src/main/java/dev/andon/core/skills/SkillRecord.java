package dev.andon.core.skills;

import dev.andon.core.plant.Qualification.Level;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One cell of the skills matrix: {@code person} holds {@code skill} at {@code level} until {@code until} (inclusive;
 * null = no expiry). {@code source} says where it came from: plant-file, api, or sign-off of a training module.
 */
public record SkillRecord(String person, String skill, Level level, LocalDate until, String source, String changedBy,
                          Instant changedAt) {

    /** Whether it counts for assignment and coverage on {@code day}: qualified or trainer, and not lapsed. */
    public boolean countsOn(LocalDate day) {
        return level != Level.IN_TRAINING && !lapsedOn(day);
    }

    public boolean lapsedOn(LocalDate day) {
        return until != null && day.isAfter(until);
    }

    public SkillStatus statusOn(LocalDate day, int recertifyDays) {
        if (lapsedOn(day)) {
            return SkillStatus.LAPSED;
        }
        if (until != null && !day.plusDays(recertifyDays).isBefore(until)) {
            return SkillStatus.DUE;
        }
        return SkillStatus.ACTIVE;
    }
}
