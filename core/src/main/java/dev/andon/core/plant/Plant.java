package dev.andon.core.plant;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole plant file: structure (lines, stations), people (roles, roster, on-call), alert types and settings.
 * {@code calendar} holds holidays, {@code reasons} the downtime and scrap reason codes.
 * {@code baseDir} is the folder of the plant file, against which relative paths in settings resolve. {@code skills}
 * declares procedures (lock-out on press-3…) for the skills matrix; stations and equipment are skills without being
 * declared.
 */
public record Plant(String id, String name, ZoneId timezone, Map<String, String> settings, List<Role> roles,
                    List<Shift> shifts, List<Line> lines, List<AlertType> alertTypes, List<Person> people,
                    List<RosterEntry> roster, List<OnCall> onCall, PlantCalendar calendar, ReasonCodes reasons,
                    Path baseDir, List<PlantSkill> skills) {

    public Plant {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        roles = roles == null ? List.of() : List.copyOf(roles);
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
        lines = lines == null ? List.of() : List.copyOf(lines);
        alertTypes = alertTypes == null ? List.of() : List.copyOf(alertTypes);
        people = people == null ? List.of() : List.copyOf(people);
        roster = roster == null ? List.of() : List.copyOf(roster);
        onCall = onCall == null ? List.of() : List.copyOf(onCall);
        skills = skills == null ? List.of() : List.copyOf(skills);
        timezone = timezone == null ? ZoneId.of("UTC") : timezone;
        calendar = calendar == null ? PlantCalendar.none() : calendar;
        reasons = reasons == null ? ReasonCodes.none() : reasons;
    }

    /** The plant as it was before the production calendar and reason codes (no holidays, no reasons). */
    public Plant(String id, String name, ZoneId timezone, Map<String, String> settings, List<Role> roles,
                 List<Shift> shifts, List<Line> lines, List<AlertType> alertTypes, List<Person> people,
                 List<RosterEntry> roster, List<OnCall> onCall, Path baseDir) {
        this(id, name, timezone, settings, roles, shifts, lines, alertTypes, people, roster, onCall, null, null, baseDir,
                null);
    }

    /** With the production calendar and reason codes, no declared procedures. */
    public Plant(String id, String name, ZoneId timezone, Map<String, String> settings, List<Role> roles,
                 List<Shift> shifts, List<Line> lines, List<AlertType> alertTypes, List<Person> people,
                 List<RosterEntry> roster, List<OnCall> onCall, PlantCalendar calendar, ReasonCodes reasons,
                 Path baseDir) {
        this(id, name, timezone, settings, roles, shifts, lines, alertTypes, people, roster, onCall, calendar, reasons,
                baseDir, null);
    }

    /** With declared procedures, no production calendar or reason codes. */
    public Plant(String id, String name, ZoneId timezone, Map<String, String> settings, List<Role> roles,
                 List<Shift> shifts, List<Line> lines, List<AlertType> alertTypes, List<Person> people,
                 List<RosterEntry> roster, List<OnCall> onCall, Path baseDir, List<PlantSkill> skills) {
        this(id, name, timezone, settings, roles, shifts, lines, alertTypes, people, roster, onCall, null, null,
                baseDir, skills);
    }

    public Optional<Line> line(String lineId) {
        return lines.stream().filter(l -> l.id().equals(lineId)).findFirst();
    }

    public Optional<Person> person(String personId) {
        return people.stream().filter(p -> p.id().equals(personId)).findFirst();
    }

    public Optional<Role> role(String roleId) {
        return roles.stream().filter(r -> r.id().equals(roleId)).findFirst();
    }

    public Optional<AlertType> alertType(String typeId) {
        return alertTypes.stream().filter(t -> t.id().equals(typeId)).findFirst();
    }

    public Optional<Shift> shift(String shiftId) {
        return shifts.stream().filter(s -> s.id().equals(shiftId)).findFirst();
    }
}
