package dev.andon.core.skills;

import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantSkill;
import dev.andon.core.plant.Station;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every skill the plant knows: each station (required on its line), each piece of equipment (on the lines that have
 * it; an alternative way to be qualified for its stations) and each procedure the plant file declares.
 */
public final class SkillCatalog {
    private final Map<String, Skill> byId;
    private final Map<String, List<Skill>> requiredByLine = new LinkedHashMap<>();

    public SkillCatalog(Collection<Skill> skills, Collection<String> lines) {
        Map<String, Skill> map = new LinkedHashMap<>();
        for (Skill s : skills) {
            map.put(s.id(), s);
        }
        this.byId = map;
        for (String line : lines) {
            requiredByLine.put(line, map.values().stream().filter(s -> s.required() && s.neededOn(line)).toList());
        }
    }

    public static SkillCatalog of(Plant plant) {
        Map<String, Skill> skills = new LinkedHashMap<>();
        Map<String, Set<String>> equipmentLines = new LinkedHashMap<>();
        for (Line line : plant.lines()) {
            for (Station station : line.stations()) {
                List<String> satisfiedBy = new ArrayList<>();
                satisfiedBy.add(station.id());
                satisfiedBy.addAll(station.equipment());
                skills.putIfAbsent(station.id(), new Skill(station.id(), station.name(), SkillKind.STATION,
                        Set.of(line.id()), station.id(), null, satisfiedBy, true));
                for (String e : station.equipment()) {
                    equipmentLines.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(line.id());
                }
            }
        }
        equipmentLines.forEach((e, lines) -> skills.putIfAbsent(e, new Skill(e, e, SkillKind.EQUIPMENT, lines, null,
                null, List.of(e), false)));
        for (PlantSkill p : plant.skills()) {
            skills.put(p.id(), new Skill(p.id(), p.name(), SkillKind.PROCEDURE,
                    p.line() == null ? Set.of() : Set.of(p.line()), p.station(), p.document(), List.of(p.id()), true));
        }
        return new SkillCatalog(skills.values(), plant.lines().stream().map(Line::id).toList());
    }

    public Optional<Skill> skill(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Skill> all() {
        return byId.values();
    }

    /** The skills coverage checks for a line: its stations and the procedures needed there. */
    public List<Skill> requiredOn(String line) {
        return requiredByLine.getOrDefault(line, List.of());
    }

    /** Finds a skill by id or, ignoring case, by name ("Lock-out/tag-out on press-3"). */
    public Optional<Skill> find(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        Skill s = byId.get(idOrName);
        if (s != null) {
            return Optional.of(s);
        }
        return byId.values().stream().filter(k -> k.name().equalsIgnoreCase(idOrName.strip())).findFirst();
    }
}
