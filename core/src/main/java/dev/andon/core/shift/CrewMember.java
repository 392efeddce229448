package dev.andon.core.shift;

/** A person working a shift occurrence in a role (after swaps); {@code swapped} when a swap put them there. */
public record CrewMember(String person, String name, String role, boolean swapped) {
}
