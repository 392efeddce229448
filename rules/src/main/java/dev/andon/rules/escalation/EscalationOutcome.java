package dev.andon.rules.escalation;

import java.time.Instant;

/** What became of an escalation step: {@code fired} (with the target) or {@code cancelled} (with why). */
public record EscalationOutcome(String alertId, int level, String outcome, Instant at, String detail) {
    public static final String FIRED = "fired";
    public static final String CANCELLED = "cancelled";
}
