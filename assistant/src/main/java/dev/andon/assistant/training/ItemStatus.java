package dev.andon.assistant.training;

/** Where an item stands for a person: to do, done, or to re-read because the section changed since it was read. */
public enum ItemStatus {
    TODO, DONE, REREAD;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT).replace("reread", "re-read");
    }
}
