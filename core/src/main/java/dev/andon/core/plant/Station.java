package dev.andon.core.plant;

import java.util.List;

/**
 * A machine or workplace on a line; {@code equipment} names what belongs to it (used to match documents and rules).
 * {@code idealCycleSeconds} is the fastest sustainable time per part, the performance baseline of OEE (null = the
 * line's).
 */
public record Station(String id, String name, String kind, List<String> equipment, Double idealCycleSeconds) {
    public Station {
        equipment = equipment == null ? List.of() : List.copyOf(equipment);
    }

    public Station(String id, String name, String kind, List<String> equipment) {
        this(id, name, kind, equipment, null);
    }
}
