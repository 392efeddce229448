package dev.andon.core.plant;

import java.util.List;

/** A machine or workplace on a line; {@code equipment} names what belongs to it (used to match documents and rules). */
public record Station(String id, String name, String kind, List<String> equipment) {
    public Station {
        equipment = equipment == null ? List.of() : List.copyOf(equipment);
    }
}
