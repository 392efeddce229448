package dev.andon.rules.bench;

import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.json.AndonJson;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.OnCall;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantSkill;
import dev.andon.core.plant.Qualification;
import dev.andon.core.plant.Role;
import dev.andon.core.plant.RosterEntry;
import dev.andon.core.plant.Shift;
import dev.andon.core.plant.ShiftRoster;
import dev.andon.core.plant.Station;
import dev.andon.core.skills.Coverage;
import dev.andon.core.skills.CoverageReport;
import dev.andon.core.skills.Qualifications;
import dev.andon.core.skills.SkillCatalog;
import dev.andon.core.skills.SkillsMatrix;
import dev.andon.core.skills.Staffing;
import dev.andon.core.store.AndonDatabase;
import dev.andon.rules.decision.AssigneeResolver;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The skills matrix at plant scale: 20 lines × 3 shifts, 500 people, 200 required skills (160 stations and 40
 * procedures), 3 qualifications a person with spread-out expiries. Prints the time to compute coverage for 7 days
 * (p50/p99 over repeated runs after warm-up) and what assignment costs per decision with the matrix compared with the
 * plant file's static lists.
 *
 * <pre>./andon bench training</pre>
 */
public final class TrainingBench {
    static final int LINES = 20;
    static final int STATIONS = 8;
    static final int PROCEDURES_PER_LINE = 2;
    static final int PEOPLE = 500;
    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    public static void main(String[] args) throws Exception {
        Plant plant = plant(new Random(42));
        Path dir = Files.createTempDirectory("andon-training-bench");
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            SkillCatalog catalog = SkillCatalog.of(plant);
            SkillsMatrix matrix = new SkillsMatrix(db, AndonJson.newMapper(), plant, catalog, PermissionPolicy.bundled(),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            Coverage coverage = new Coverage(plant, catalog, matrix, Staffing.fromRoster(plant));
            long required = plant.lines().stream().mapToLong(l -> catalog.requiredOn(l.id()).size()).sum();
            System.out.printf(Locale.ROOT, "plant: %d lines × %d shifts, %d people, %d required skills, %d matrix cells%n",
                    LINES, plant.shifts().size(), PEOPLE, required, matrix.entries(null, null, LocalDate.of(2026, 11, 25)).size());

            Histogram cov = new Histogram(3);
            CoverageReport last = null;
            for (int i = 0; i < 300; i++) {
                long t = System.nanoTime();
                last = coverage.gaps(LocalDate.of(2026, 11, 25), 7, null);
                long dt = System.nanoTime() - t;
                if (i >= 100) {
                    cov.recordValue(dt / 1000);
                }
            }
            System.out.printf(Locale.ROOT, "coverage, 7 days × 3 shifts × %d lines (%d line-shifts, %d skill checks, %d gaps): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    LINES, last.shiftsChecked(), last.skillChecks(), last.gaps().size(),
                    cov.getValueAtPercentile(50) / 1000.0, cov.getValueAtPercentile(99) / 1000.0, cov.getMaxValue() / 1000.0);

            ShiftRoster roster = new ShiftRoster(plant);
            AssigneeResolver withMatrix = new AssigneeResolver(roster, matrix);
            AssigneeResolver withPlantLists = new AssigneeResolver(roster, Qualifications.fromPlant(plant));
            AssigneeResolver noCheck = new AssigneeResolver(roster, (p, s, d) -> dev.andon.core.skills.Standing.NONE);
            // Interleaved rounds, so JIT warm-up and the neighbours' load fall on all three alike; the last round counts.
            double m = 0;
            double p = 0;
            double n = 0;
            for (int round = 0; round < 3; round++) {
                n = perAssign(noCheck, plant, false);
                p = perAssign(withPlantLists, plant, true);
                m = perAssign(withMatrix, plant, true);
            }
            System.out.printf(Locale.ROOT, "assignment per decision: without a qualification check %.2f µs, with the plant file's lists %.2f µs, with the skills matrix %.2f µs → the matrix adds %.2f µs (%.2f µs over the static lists)%n",
                    n, p, m, m - n, m - p);
        }
    }

    /** Mean µs of assign() over every line's stations, after warm-up; median of 5 rounds. */
    static double perAssign(AssigneeResolver resolver, Plant plant, boolean required) {
        double[] rounds = new double[5];
        long sink = 0;
        for (int r = 0; r < rounds.length; r++) {
            int n = 0;
            long t = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                for (Line l : plant.lines()) {
                    for (Station s : l.stations()) {
                        sink += resolver.assign(l.id(), s, "operator", "team-leader", required, NOW).explanation().length();
                        n++;
                    }
                }
            }
            rounds[r] = (System.nanoTime() - t) / 1000.0 / n;
        }
        if (sink == 42) {
            System.out.print("");
        }
        java.util.Arrays.sort(rounds, 2, rounds.length);
        return rounds[2 + (rounds.length - 2) / 2];
    }

    static Plant plant(Random random) {
        List<Line> lines = new ArrayList<>();
        List<PlantSkill> procedures = new ArrayList<>();
        for (int l = 0; l < LINES; l++) {
            List<Station> stations = new ArrayList<>();
            for (int s = 0; s < STATIONS; s++) {
                stations.add(new Station("L" + l + "-s" + s, "Station " + s + " on L" + l, "machine",
                        List.of("equip-" + (s % 4))));
            }
            lines.add(new Line("L" + l, "Line " + l, "Area", "Product", stations));
            for (int p = 0; p < PROCEDURES_PER_LINE; p++) {
                procedures.add(new PlantSkill("L" + l + "-proc" + p, "Procedure " + p + " on L" + l, "L" + l,
                        "L" + l + "-s" + p, null));
            }
        }
        List<Shift> shifts = List.of(new Shift("early", "Early", LocalTime.of(6, 0), LocalTime.of(14, 0)),
                new Shift("late", "Late", LocalTime.of(14, 0), LocalTime.of(22, 0)),
                new Shift("night", "Night", LocalTime.of(22, 0), LocalTime.of(6, 0)));
        List<Person> people = new ArrayList<>();
        List<RosterEntry> roster = new ArrayList<>();
        Qualification.Level[] levels = Qualification.Level.values();
        for (int i = 0; i < PEOPLE; i++) {
            int line = i % LINES;
            String shift = shifts.get((i / LINES) % 3).id();
            String role = i % 8 == 0 ? "team-leader" : "operator";
            List<Qualification> quals = new ArrayList<>();
            for (int q = 0; q < 3; q++) {
                int s = random.nextInt(STATIONS + PROCEDURES_PER_LINE);
                String subject = s < STATIONS ? "L" + line + "-s" + s : "L" + line + "-proc" + (s - STATIONS);
                LocalDate until = random.nextInt(3) == 0 ? null : LocalDate.of(2026, 11, 20).plusDays(random.nextInt(400));
                quals.add(new Qualification(subject, levels[random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(2)], until));
            }
            people.add(new Person("p" + i, "Person " + i, List.of(role), quals, null));
            roster.add(new RosterEntry(shift, "L" + line, role, "p" + i));
        }
        return new Plant("bench", "Bench plant", ZoneId.of("UTC"), Map.of(),
                List.of(new Role("operator", "Operator"), new Role("team-leader", "Team leader")), shifts, lines,
                List.of(), people, roster, List.of(new OnCall("operator", "p0")), Path.of("."), procedures);
    }
}
