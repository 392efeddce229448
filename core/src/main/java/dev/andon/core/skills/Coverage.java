package dev.andon.core.skills;

import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Qualification.Level;
import dev.andon.core.plant.Shift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * For each line, shift and day ahead: which required skills (stations, declared procedures) nobody on that shift can
 * do. Qualifications that lapse during the week stop counting from the day after their expiry.
 */
public final class Coverage {
    private final Plant plant;
    private final SkillCatalog catalog;
    private final SkillsMatrix matrix;
    private final Staffing staffing;

    public Coverage(Plant plant, SkillCatalog catalog, SkillsMatrix matrix, Staffing staffing) {
        this.plant = plant;
        this.catalog = catalog;
        this.matrix = matrix;
        this.staffing = staffing;
    }

    /** Gaps for {@code days} days from {@code from}, on {@code line} (null = every line), by day, shift, line. */
    public CoverageReport gaps(LocalDate from, int days, String line) {
        List<String> lines = line == null ? plant.lines().stream().map(l -> l.id()).toList() : List.of(line);
        List<CoverageGap> gaps = new ArrayList<>();
        int shifts = 0;
        int checks = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = from.plusDays(d);
            for (Shift shift : plant.shifts()) {
                for (String l : lines) {
                    List<String> people = staffing.peopleOn(day, shift.id(), l);
                    shifts++;
                    for (Skill skill : catalog.requiredOn(l)) {
                        checks++;
                        if (!covered(people, skill, day)) {
                            gaps.add(gap(day, shift, l, skill, people));
                        }
                    }
                }
            }
        }
        return new CoverageReport(from, days, lines, shifts, checks, gaps);
    }

    private boolean covered(List<String> people, Skill skill, LocalDate day) {
        for (String p : people) {
            if (matrix.canDo(p, skill, day)) {
                return true;
            }
        }
        return false;
    }

    private CoverageGap gap(LocalDate day, Shift shift, String line, Skill skill, List<String> people) {
        List<String> learning = new ArrayList<>();
        for (String p : people) {
            if (matrix.record(p, skill.id()).map(r -> r.level() == Level.IN_TRAINING && !r.lapsedOn(day)).orElse(false)) {
                learning.add(plant.person(p).map(x -> x.name()).orElse(p));
            }
        }
        String text = shift.name() + " on " + line + " (" + day + "): nobody qualified for " + skill.name()
                + (learning.isEmpty() ? "" : " (in training: " + String.join(", ", learning) + ")");
        return new CoverageGap(day, shift.id(), line, skill.id(), skill.name(), skill.kind(), learning, text);
    }

    /** Everyone on {@code shift} on {@code line} today who can do {@code skill}; used by "who can do X" answers. */
    public List<String> qualifiedOn(LocalDate day, String shift, String line, Skill skill) {
        return staffing.peopleOn(day, shift, line).stream().filter(p -> matrix.canDo(p, skill, day)).toList();
    }
}
