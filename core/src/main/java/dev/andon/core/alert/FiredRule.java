package dev.andon.core.alert;

/** A rule that fired for a decision, and in plain words the facts it matched. */
public record FiredRule(String name, String explanation) {
}
