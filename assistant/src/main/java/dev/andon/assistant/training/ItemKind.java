package dev.andon.assistant.training;

/** What a path item asks of the learner: read a section, show a practical task to a trainer, or pass a quiz. */
public enum ItemKind {
    READ, PRACTICAL, QUIZ;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
