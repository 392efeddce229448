package dev.andon.core.plant;

/** The fallback for a role when nobody on shift can take an alert. */
public record OnCall(String role, String person) {
}
