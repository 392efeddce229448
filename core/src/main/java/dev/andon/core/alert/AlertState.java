package dev.andon.core.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The alert lifecycle: new → assigned → acknowledged → in progress → resolved, with side exits. */
public enum AlertState {
    NEW, ASSIGNED, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, ESCALATED, SUPPRESSED, EXPIRED;

    private static final Set<AlertState> CLOSED = EnumSet.of(RESOLVED, EXPIRED);

    /** Open alerts still need someone; suppressed ones are kept and visible but need nobody. */
    public boolean isOpen() {
        return !CLOSED.contains(this) && this != SUPPRESSED;
    }

    public boolean isClosed() {
        return CLOSED.contains(this);
    }

    /** The transitions the lifecycle allows; anything else is refused with 409. */
    public boolean canMoveTo(AlertState next) {
        return switch (this) {
            case NEW -> next == ASSIGNED || next == SUPPRESSED || next == ESCALATED || next == EXPIRED;
            case ASSIGNED -> next == ACKNOWLEDGED || next == ESCALATED || next == SUPPRESSED || next == RESOLVED || next == EXPIRED;
            case ACKNOWLEDGED -> next == IN_PROGRESS || next == RESOLVED || next == ESCALATED;
            case IN_PROGRESS -> next == RESOLVED || next == ESCALATED;
            case ESCALATED -> next == ACKNOWLEDGED || next == IN_PROGRESS || next == RESOLVED || next == ESCALATED;
            case SUPPRESSED -> next == ASSIGNED || next == RESOLVED || next == EXPIRED;
            case RESOLVED, EXPIRED -> false;
        };
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static AlertState fromWire(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("unknown state '" + text + "'"));
    }

    public static Optional<AlertState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normal = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (AlertState s : values()) {
            if (s.name().equals(normal)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
