package dev.andon.core.skills;

/** A matrix cell on a given day: active, due for re-certification (expires within the window), or lapsed. */
public enum SkillStatus {
    ACTIVE, DUE, LAPSED;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
