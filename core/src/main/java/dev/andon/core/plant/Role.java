package dev.andon.core.plant;

/** A job on the floor (operator, team-leader, maintenance, quality, process-owner, trainer…). */
public record Role(String id, String name) {
}
