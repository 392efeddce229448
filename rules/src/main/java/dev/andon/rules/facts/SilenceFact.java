package dev.andon.rules.facts;

import java.time.Instant;

/** An active silence or maintenance window that matches the alert. */
public final class SilenceFact implements Describable {
    private final String id;
    private final String kind;
    private final String reason;
    private final String author;
    private final Instant endsAt;

    public SilenceFact(String id, String kind, String reason, String author, Instant endsAt) {
        this.id = id;
        this.kind = kind;
        this.reason = reason;
        this.author = author;
        this.endsAt = endsAt;
    }

    public String getId() { return id; }
    /** silence or maintenance-window. */
    public String getKind() { return kind; }
    public String getReason() { return reason; }
    public String getAuthor() { return author; }
    public Instant getEndsAt() { return endsAt; }

    @Override
    public String describe() {
        return kind + " " + id + " by " + author + " until " + endsAt + ": " + reason;
    }

    @Override
    public String toString() {
        return describe();
    }
}
