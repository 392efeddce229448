package dev.andon.assistant.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** Thumbs up or down on an answer. */
public enum Rating {
    UP, DOWN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Rating fromWire(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("unknown rating '" + text + "'"));
    }

    public static Optional<Rating> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "up", "thumbs-up", "thumbs_up", "+1", "useful", "good" -> Optional.of(UP);
            case "down", "thumbs-down", "thumbs_down", "-1", "not-useful", "bad" -> Optional.of(DOWN);
            default -> Optional.empty();
        };
    }
}
