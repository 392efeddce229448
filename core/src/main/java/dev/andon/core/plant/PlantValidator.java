package dev.andon.core.plant;

import dev.andon.core.error.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Checks a parsed plant for missing fields, duplicate ids and references to things that do not exist. */
final class PlantValidator {

    List<Problem> validate(Plant plant) {
        List<Problem> problems = new ArrayList<>();
        required(problems, "id", plant.id());
        required(problems, "name", plant.name());
        if (plant.lines().isEmpty()) {
            problems.add(new Problem("lines", "at least one line is required"));
        }
        if (plant.roles().isEmpty()) {
            problems.add(new Problem("roles", "at least one role is required"));
        }
        if (plant.shifts().isEmpty()) {
            problems.add(new Problem("shifts", "at least one shift is required"));
        }
        unique(problems, "roles", plant.roles(), Role::id);
        unique(problems, "shifts", plant.shifts(), Shift::id);
        unique(problems, "lines", plant.lines(), Line::id);
        unique(problems, "alertTypes", plant.alertTypes(), AlertType::id);
        unique(problems, "people", plant.people(), Person::id);
        unique(problems, "skills", plant.skills(), PlantSkill::id);
        for (int i = 0; i < plant.skills().size(); i++) {
            PlantSkill s = plant.skills().get(i);
            String at = "skills[" + i + "]";
            required(problems, at + ".name", s.name());
            if (s.line() != null && plant.line(s.line()).isEmpty()) {
                problems.add(new Problem(at + ".line", "unknown line '" + s.line() + "'"));
            } else if (s.station() != null && (s.line() == null
                    || plant.line(s.line()).flatMap(l -> l.station(s.station())).isEmpty())) {
                problems.add(new Problem(at + ".station", "unknown station '" + s.station() + "' on line '" + s.line() + "'"));
            }
        }

        for (int i = 0; i < plant.shifts().size(); i++) {
            Shift s = plant.shifts().get(i);
            if (s.start() == null) {
                problems.add(new Problem("shifts[" + i + "].start", "is required (HH:MM)"));
            }
            if (s.end() == null) {
                problems.add(new Problem("shifts[" + i + "].end", "is required (HH:MM)"));
            }
        }
        for (int i = 0; i < plant.shifts().size(); i++) {
            Shift s = plant.shifts().get(i);
            for (int b = 0; b < s.breaks().size(); b++) {
                ShiftBreak br = s.breaks().get(b);
                String at = "shifts[" + i + "].breaks[" + b + "]";
                if (br.start() == null || br.end() == null) {
                    problems.add(new Problem(at, "start and end are required (HH:MM)"));
                } else if (s.start() != null && s.end() != null
                        && (!s.covers(br.start()) || !(s.covers(br.end()) || br.end().equals(s.end())) || br.start().equals(br.end()))) {
                    problems.add(new Problem(at, "break " + br.start() + "–" + br.end() + " is not inside shift '" + s.id()
                            + "' (" + s.start() + "–" + s.end() + ")"));
                }
            }
        }
        unique(problems, "reasons.downtime", plant.reasons().downtime(), Reason::code, "code");
        unique(problems, "reasons.scrap", plant.reasons().scrap(), Reason::code, "code");
        for (int i = 0; i < plant.lines().size(); i++) {
            Line line = plant.lines().get(i);
            String at = "lines[" + i + "]";
            required(problems, at + ".name", line.name());
            if (line.stations().isEmpty()) {
                problems.add(new Problem(at + ".stations", "line '" + line.id() + "' has no stations"));
            }
            unique(problems, at + ".stations", line.stations(), Station::id);
            for (int s = 0; s < line.shifts().size(); s++) {
                if (plant.shift(line.shifts().get(s)).isEmpty()) {
                    problems.add(new Problem(at + ".shifts[" + s + "]", "unknown shift '" + line.shifts().get(s) + "'"));
                }
            }
            if (line.outputStation() != null && line.station(line.outputStation()).isEmpty()) {
                problems.add(new Problem(at + ".outputStation", "unknown station '" + line.outputStation() + "'"));
            }
            positive(problems, at + ".idealCycleSeconds", line.idealCycleSeconds());
            if (line.planPerShift() != null && line.planPerShift() < 0) {
                problems.add(new Problem(at + ".planPerShift", "must not be negative"));
            }
            for (int s = 0; s < line.stations().size(); s++) {
                positive(problems, at + ".stations[" + s + "].idealCycleSeconds", line.stations().get(s).idealCycleSeconds());
            }
        }
        for (int i = 0; i < plant.alertTypes().size(); i++) {
            required(problems, "alertTypes[" + i + "].category", plant.alertTypes().get(i).category());
        }
        for (int i = 0; i < plant.people().size(); i++) {
            Person p = plant.people().get(i);
            required(problems, "people[" + i + "].name", p.name());
            for (int r = 0; r < p.roles().size(); r++) {
                if (plant.role(p.roles().get(r)).isEmpty()) {
                    problems.add(new Problem("people[" + i + "].roles[" + r + "]", "unknown role '" + p.roles().get(r) + "'"));
                }
            }
            for (int q = 0; q < p.qualifications().size(); q++) {
                Qualification qual = p.qualifications().get(q);
                required(problems, "people[" + i + "].qualifications[" + q + "].subject", qual.subject());
                if (qual.level() == null) {
                    problems.add(new Problem("people[" + i + "].qualifications[" + q + "].level", "is required"));
                }
            }
        }
        for (int i = 0; i < plant.roster().size(); i++) {
            RosterEntry r = plant.roster().get(i);
            String at = "roster[" + i + "]";
            if (plant.shift(r.shift()).isEmpty()) {
                problems.add(new Problem(at + ".shift", "unknown shift '" + r.shift() + "'"));
            }
            if (plant.line(r.line()).isEmpty()) {
                problems.add(new Problem(at + ".line", "unknown line '" + r.line() + "'"));
            }
            if (plant.role(r.role()).isEmpty()) {
                problems.add(new Problem(at + ".role", "unknown role '" + r.role() + "'"));
            }
            plant.person(r.person()).ifPresentOrElse(p -> {
                if (r.role() != null && !p.hasRole(r.role())) {
                    problems.add(new Problem(at + ".role", "person '" + p.id() + "' does not hold role '" + r.role() + "'"));
                }
            }, () -> problems.add(new Problem(at + ".person", "unknown person '" + r.person() + "'")));
        }
        for (int i = 0; i < plant.onCall().size(); i++) {
            OnCall o = plant.onCall().get(i);
            if (plant.role(o.role()).isEmpty()) {
                problems.add(new Problem("onCall[" + i + "].role", "unknown role '" + o.role() + "'"));
            }
            if (plant.person(o.person()).isEmpty()) {
                problems.add(new Problem("onCall[" + i + "].person", "unknown person '" + o.person() + "'"));
            }
        }
        return problems;
    }

    private static void required(List<Problem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "is required"));
        }
    }

    private static void positive(List<Problem> problems, String field, Double value) {
        if (value != null && !(value > 0)) {
            problems.add(new Problem(field, "must be more than 0 seconds"));
        }
    }

    private static <T> void unique(List<Problem> problems, String field, List<T> items, Function<T, String> id) {
        unique(problems, field, items, id, "id");
    }

    private static <T> void unique(List<Problem> problems, String field, List<T> items, Function<T, String> id,
                                   String name) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (value == null || value.isBlank()) {
                problems.add(new Problem(field + "[" + i + "]." + name, "is required"));
            } else if (!seen.add(value)) {
                problems.add(new Problem(field + "[" + i + "]." + name, "duplicate " + name + " '" + value + "'"));
            }
        }
    }
}
