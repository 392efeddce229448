package dev.andon.core.skills;

import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Qualification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * What the runbooks ask about people's qualifications. The skills matrix answers it; {@link #fromPlant} answers from
 * the plant file's static lists (for tools and tests that run without a store).
 */
@FunctionalInterface
public interface Qualifications {

    /** {@code person}'s standing on {@code subject} (a station, equipment or procedure id) on plant-local {@code day}. */
    Standing standing(String person, String subject, LocalDate day);

    static Qualifications fromPlant(Plant plant) {
        Map<String, Map<String, SkillRecord>> records = new HashMap<>();
        for (Person p : plant.people()) {
            for (Qualification q : p.qualifications()) {
                records.computeIfAbsent(p.id(), k -> new HashMap<>()).merge(q.subject(),
                        new SkillRecord(p.id(), q.subject(), q.level(), q.until(), "plant-file", null, null),
                        (a, b) -> b);
            }
        }
        return (person, subject, day) -> Standing.of(records.getOrDefault(person, Map.of()).get(subject), day);
    }
}
