package dev.andon.assistant.intent;

import java.util.Locale;
import java.util.Optional;

/** What a person wants from the assistant; the wire name appears in answers and feedback. */
public enum Intent {
    ALERT_HELP, KNOWLEDGE, LINE_STATUS, SHIFT_SUMMARY, ONBOARDING, TRAINING, ON_SHIFT, ACKNOWLEDGE, HANDOVER_NOTE, CONFIRM, CANCEL, HELP;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Intent> parse(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (Intent i : values()) {
            if (i.wire().equals(wire) || i.name().equals(wire)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Intents a short "and station 4?" can continue. */
    public boolean continuable() {
        return this == ALERT_HELP || this == KNOWLEDGE || this == LINE_STATUS || this == SHIFT_SUMMARY
                || this == ONBOARDING || this == ON_SHIFT;
    }
}
