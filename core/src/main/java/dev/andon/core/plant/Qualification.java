package dev.andon.core.plant;

import java.time.LocalDate;

/**
 * What a person may work on: a station id, an equipment name or a skill, at a level, until a date
 * (null = no expiry). Level follows the skills-matrix convention.
 */
public record Qualification(String subject, Level level, LocalDate until) {

    public enum Level {
        IN_TRAINING, QUALIFIED, TRAINER;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Level parse(String text) {
            String normal = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (Level l : values()) {
                if (l.name().equals(normal)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("unknown level '" + text + "' (expected in-training, qualified or trainer)");
        }
    }

    public boolean qualifiesOn(String what, LocalDate day) {
        return subject.equals(what) && level != Level.IN_TRAINING && (until == null || !day.isAfter(until));
    }
}
