package dev.andon.core.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.handover.HandoverMarkdown;
import dev.andon.core.handover.HandoverReport;
import dev.andon.core.identity.Principal;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.PlantLoader;
import dev.andon.core.production.LineKpis;
import dev.andon.core.testing.ShiftWorld;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The shift engines at plant scale, in process, on a real MapDB file:
 * <ol>
 *   <li>drafting the handover report of one line whose shift holds 10,000 line events and 2,000 alerts;</li>
 *   <li>OEE of 20 lines × 20 stations for the running shift (2,000 events per line).</li>
 * </ol>
 * Prints p50/p99/max over repeated runs after warm-up. The live board is measured by web's BoardBench.
 *
 * <pre>mvn -q -o -pl core test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.andon.core.bench.ShiftBench</pre>
 */
public final class ShiftBench {
    private static final Path SAMPLE = Files.isDirectory(Path.of("sample-plant")) ? Path.of("sample-plant") : Path.of("../sample-plant");
    private static final String[] STATES = {"running", "idle", "down", "blocked", "starved", "changeover", "running", "running"};

    /** Wall time on a shared machine includes waiting for a core; CPU time is what the work itself costs. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "cores %d, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        int runs = Integer.getInteger("bench.runs", 40);
        draft(runs);
        oee(runs);
    }

    static void draft(int runs) throws Exception {
        Path dir = Files.createTempDirectory("shift-bench-draft");
        Instant noon = Instant.parse("2026-11-25T12:00:00Z");
        try (ShiftWorld w = new ShiftWorld(new PlantLoader().load(SAMPLE.resolve("plant.yaml")), dir, noon)) {
            Principal anna = w.who("anna.rossi");
            String[] stations = {"coil-1", "press-3", "station-4", "vision-5"};
            long t0 = System.nanoTime();
            int n = 0;
            for (int b = 0; b < 10; b++) {
                List<ObjectNode> batch = new ArrayList<>();
                for (int i = 0; i < 1000; i++, n++) {
                    Instant at = Instant.parse("2026-11-25T05:00:00Z").plusMillis(n * 2_500L);
                    String st = stations[n % 4];
                    batch.add(n % 3 == 0
                            ? ShiftWorld.count("c" + n, st, 5, n % 7 == 0 ? 1 : 0, n % 7 == 0 ? "burr" : null, at)
                            : ShiftWorld.state("s" + n, st, STATES[n % STATES.length], STATES[n % STATES.length].equals("down") ? "jam" : null, at));
                }
                w.events.record(anna, "L2", ShiftWorld.batch(batch.toArray(ObjectNode[]::new)));
            }
            long eventsMs = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            w.db.write(() -> {
                for (int i = 0; i < 2000; i++) {
                    Instant at = Instant.parse("2026-11-25T05:00:00Z").plusSeconds(i * 12L);
                    AlertRecord a = w.raise("L2", stations[i % 4], i % 2 == 0 ? "tool-wear" : "vibration-anomaly", at, "marco.ferri");
                    if (i % 4 == 0) {
                        w.alerts.transition(a.id(), AlertState.ACKNOWLEDGED, "marco.ferri", null, at.plusSeconds(60));
                    }
                    if (i % 8 == 0) {
                        w.alerts.transition(a.id(), AlertState.RESOLVED, "marco.ferri", "fixed", at.plusSeconds(600));
                    }
                }
            });
            long alertsMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf(Locale.ROOT, "setup: 10,000 line events in 10 batches %d ms, 2,000 alerts %d ms%n", eventsMs, alertsMs);
            Principal luca = w.who("luca.bianchi");
            String key = "L2.2026-11-25.early";
            HandoverReport r = null;
            for (int i = 0; i < 10; i++) {
                r = w.handovers.view(luca, key);
            }
            double[] ms = new double[runs];
            double[] cpu = new double[runs];
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                long c = CPU.getCurrentThreadCpuTime();
                r = w.handovers.view(luca, key);
                ms[i] = (System.nanoTime() - s) / 1e6;
                cpu[i] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
            }
            print("handover draft, 1 line, 10,000 events + 2,000 alerts", ms);
            print("  the same, CPU time of the drafting thread", cpu);
            System.out.printf(Locale.ROOT, "  (report: %d raised, %d open listed, OEE %.3f, %d downtime reasons)%n",
                    r.alerts().raised(), r.alerts().open().size(), r.production().kpis().kpis().oee(), r.downtime().size());
            HandoverMarkdown md = new HandoverMarkdown(w.plant.timezone());
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                md.render(r);
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            print("  + Markdown rendering", ms);
            long s = System.nanoTime();
            w.handovers.sign(luca, key);
            System.out.printf(Locale.ROOT, "  sign (recompute, freeze, commit): %.1f ms%n", (System.nanoTime() - s) / 1e6);
        }
    }

    static void oee(int runs) throws Exception {
        Path dir = Files.createTempDirectory("shift-bench-oee");
        Path plantFile = dir.resolve("plant.yaml");
        Files.writeString(plantFile, bigPlant(20, 20));
        Instant now = Instant.now();
        try (ShiftWorld w = new ShiftWorld(new PlantLoader().load(plantFile), dir.resolve("data"), now)) {
            Principal op = w.who("op");
            Instant start = w.calendar.current("L01", now).orElseThrow().start();
            long span = Math.max(1, now.toEpochMilli() - start.toEpochMilli() - 1000);
            long t0 = System.nanoTime();
            for (Line l : w.plant.lines()) {
                List<ObjectNode> batch = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    Instant at = start.plusMillis(span * i / 2000);
                    String st = l.stations().get(i % l.stations().size()).id();
                    batch.add(i % 2 == 0 ? ShiftWorld.count(l.id() + "c" + i, st, 3, i % 10 == 0 ? 1 : 0, i % 10 == 0 ? "burr" : null, at)
                            : ShiftWorld.state(l.id() + "s" + i, st, STATES[i % STATES.length], STATES[i % STATES.length].equals("down") ? "jam" : null, at));
                }
                w.events.record(op, l.id(), ShiftWorld.batch(batch.toArray(ObjectNode[]::new)));
            }
            System.out.printf(Locale.ROOT, "setup: 20 lines × 20 stations, 40,000 events in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            for (int i = 0; i < 10; i++) {
                all(w);
            }
            double[] ms = new double[runs];
            double[] cpu = new double[runs];
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                long c = CPU.getCurrentThreadCpuTime();
                all(w);
                ms[i] = (System.nanoTime() - s) / 1e6;
                cpu[i] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
            }
            print("OEE for 20 lines × 20 stations, current shift", ms);
            print("  the same, CPU time of the computing thread", cpu);
        }
    }

    private static int all(ShiftWorld w) {
        int stations = 0;
        for (Line l : w.plant.lines()) {
            LineKpis k = w.kpis.current(l.id()).orElseThrow();
            stations += k.stations().size();
        }
        return stations;
    }

    /** A plant of {@code lines} × {@code stations}, one all-day shift, and a plant-wide operator "op". */
    public static String bigPlant(int lines, int stations) {
        StringBuilder y = new StringBuilder("""
                id: bench
                name: Bench plant
                timezone: UTC
                roles: [{ id: operator, name: Operator }, { id: team-leader, name: Team leader }]
                shifts: [{ id: day, name: All day, start: "00:00", end: "00:00" }]
                reasons:
                  downtime: [{ code: jam, name: Jam }]
                  scrap: [{ code: burr, name: Burr }]
                people: [{ id: op, name: Bench Operator, roles: [operator, team-leader] }]
                lines:
                """);
        for (int l = 1; l <= lines; l++) {
            y.append(String.format(Locale.ROOT, "  - id: L%02d%n    name: Line %d%n    idealCycleSeconds: 5%n    planPerShift: 10000%n    stations:%n", l, l));
            for (int s = 1; s <= stations; s++) {
                y.append(String.format(Locale.ROOT, "      - { id: s%02d, name: Station %d, idealCycleSeconds: 4 }%n", s, s));
            }
        }
        return y.toString();
    }

    static void print(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-55s p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms   (n=%d)%n", what,
                sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)],
                sorted[sorted.length - 1], sorted.length);
    }
}
