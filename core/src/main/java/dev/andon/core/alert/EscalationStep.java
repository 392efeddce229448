package dev.andon.core.alert;

import java.time.Duration;

/** After {@code after} without the expected progress ({@code trigger}: unacknowledged or unresolved), hand to this role/person. */
public record EscalationStep(int level, Duration after, String trigger, String toRole, String toPerson, String reason) {
}
