package dev.andon.core.identity;

import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.RosterEntry;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a person of the plant file into a principal: roles from the file, lines from the roster. People with no roster
 * line (process owners, trainers, on-call staff) work plant-wide.
 */
public final class PlantPeople {
    private final Plant plant;

    public PlantPeople(Plant plant) {
        this.plant = plant;
    }

    public Optional<Principal> principalOf(String personId) {
        return plant.person(personId).map(this::principalOf);
    }

    public Principal principalOf(Person person) {
        Set<String> lines = new LinkedHashSet<>();
        for (RosterEntry r : plant.roster()) {
            if (r.person().equals(person.id())) {
                lines.add(r.line());
            }
        }
        boolean onCall = plant.onCall().stream().anyMatch(o -> o.person().equals(person.id()));
        boolean plantWide = lines.isEmpty() || onCall;
        return Principal.person(person.id(), person.name(), new LinkedHashSet<>(person.roles()), lines, plantWide);
    }
}
