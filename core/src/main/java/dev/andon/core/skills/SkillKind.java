package dev.andon.core.skills;

/** What a skill is about: working a station, handling a piece of equipment, or a procedure such as lock-out. */
public enum SkillKind {
    STATION, EQUIPMENT, PROCEDURE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
