package dev.andon.core.alert;

/** Who owns the alert and how they were chosen ({@code via}: on-shift, fallback-role, on-call, nobody). */
public record Assignee(String person, String name, String role, String via) {
}
