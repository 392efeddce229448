package dev.andon.core.line;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** Station states as plants name them; DOWN needs a reason code. */
public enum StationState {
    UNKNOWN, RUNNING, IDLE, DOWN, BLOCKED, STARVED, CHANGEOVER, PLANNED_MAINTENANCE;

    /** States in which the station produces nothing. */
    public boolean isStopped() {
        return this == DOWN || this == BLOCKED || this == STARVED || this == CHANGEOVER || this == PLANNED_MAINTENANCE;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static StationState fromWire(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("unknown station state '" + text + "'"));
    }

    public static Optional<StationState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normal = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (StationState s : values()) {
            if (s.name().equals(normal)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
