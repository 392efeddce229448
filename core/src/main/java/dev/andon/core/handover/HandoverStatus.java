package dev.andon.core.handover;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** draft → signed (outgoing leader) → accepted (incoming leader, locked); or signed → sent-back → edited → signed. */
public enum HandoverStatus {
    DRAFT, SIGNED, SENT_BACK, ACCEPTED;

    /** The outgoing leader may still change it. */
    public boolean editable() {
        return this == DRAFT || this == SENT_BACK;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static HandoverStatus fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
