package dev.andon.core.plant;

/** Person {@code person} works shift {@code shift} on line {@code line} in role {@code role}. */
public record RosterEntry(String shift, String line, String role, String person) {
}
