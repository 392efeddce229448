package dev.andon.rules.bench;

import dev.andon.rules.support.Alerts;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.Decision;
import dev.andon.core.alert.Severity;
import dev.andon.core.config.AndonSettings;
import dev.andon.core.json.AndonJson;
import dev.andon.core.line.StationStatus;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import dev.andon.rules.Runbooks;
import dev.andon.rules.decision.DecisionInputs;
import dev.andon.rules.decision.EvaluationProblems;
import dev.andon.rules.decision.HistoryCounts;
import dev.andon.rules.decision.RunbookDecider;
import dev.andon.rules.engine.CompiledRuleset;
import dev.andon.rules.engine.RuleBundle;
import dev.andon.rules.engine.RulesetCompiler;
import dev.andon.rules.governance.RulesFolder;
import dev.andon.rules.support.Deciders;
import dev.andon.rules.support.MutableClock;
import org.HdrHistogram.Histogram;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alert → decision in-process: the sample ruleset plus 200 generated rules, a mix of sample alerts, a fresh session
 * per alert (facts, rules, roster, assembled Decision). Prints throughput and p50/p99/p99.9 after warm-up, on one
 * thread and on two; then, for comparison, the durable intake path (decision + MapDB commit per alert).
 *
 * <pre>cd /work/main && mvn -q -o -pl rules exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.andon.rules.bench.DecisionBench</pre>
 */
public final class DecisionBench {
    private static final int GENERATED_RULES = 200;
    private static final boolean JOINS = Boolean.getBoolean("bench.joins");
    /** exec:java runs in the reactor root, surefire in the module folder. */
    private static final Path SAMPLE = Files.isDirectory(Path.of("sample-plant")) ? Path.of("sample-plant") : Path.of("../sample-plant");

    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(System.getProperty("bench.warmup", "100000"));
        int measured = Integer.parseInt(System.getProperty("bench.alerts", "300000"));
        Plant plant = new PlantLoader().load(SAMPLE.resolve("plant.yaml"));
        Map<String, byte[]> files = new HashMap<>(new RulesFolder(SAMPLE.resolve("rules")).read().files());
        files.put("generated.drl", generatedRules().getBytes(StandardCharsets.UTF_8));
        RulesetCompiler compiler = new RulesetCompiler();
        long t0 = System.nanoTime();
        CompiledRuleset ruleset = compiler.compile("bench", new RuleBundle(files));
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        RunbookDecider decider = Deciders.forPlant(plant, new EvaluationProblems());
        List<Job> jobs = jobs(plant);

        System.out.printf(Locale.ROOT, "ruleset: sample + %d generated%s = %d rules, built in %d ms%n", GENERATED_RULES,
                JOINS ? " (each with a join on the station)" : "", ruleset.ruleCount(), buildMs);
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        if (measured > 0) {
            run(decider, ruleset, jobs, warmup, 1, false);
            run(decider, ruleset, jobs, measured, 1, true);
            run(decider, ruleset, jobs, warmup, 2, false);
            run(decider, ruleset, jobs, measured, 2, true);
        }
        if (Boolean.parseBoolean(System.getProperty("bench.durable", "true"))) {
            durableIntake(plant, compiler, Integer.getInteger("bench.durableAlerts", 2_000));
        }
        compiler.close();
    }

    private static void run(RunbookDecider decider, CompiledRuleset ruleset, List<Job> jobs, int alerts, int threads,
                            boolean print) throws InterruptedException {
        Histogram histogram = new Histogram(1, Duration.ofSeconds(10).toNanos(), 3);
        AtomicLong fallbacks = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        int perThread = alerts / threads;
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread worker = new Thread(() -> {
                Histogram local = new Histogram(1, Duration.ofSeconds(10).toNanos(), 3);
                for (int i = 0; i < perThread; i++) {
                    Job job = jobs.get((i + offset * 7) % jobs.size());
                    long s = System.nanoTime();
                    Decision d = decider.decide(ruleset, job.alert(), job.inputs(), List.of());
                    local.recordValue(Math.max(1, System.nanoTime() - s));
                    if (d.flags().contains("fallback")) {
                        fallbacks.incrementAndGet();
                    }
                }
                synchronized (histogram) {
                    histogram.add(local);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (print) {
            System.out.printf(Locale.ROOT, "decide, %d thread(s): %,d alerts in %.2f s = %,.0f alerts/s; latency p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f ms; fallbacks %d%n",
                    threads, perThread * threads, seconds, perThread * threads / seconds,
                    histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                    histogram.getValueAtPercentile(99.9) / 1e3, histogram.getMaxValue() / 1e6, fallbacks.get());
        }
    }

    /**
     * The whole intake (dedup, silences, inhibition, decision, storm check, commit to disk before returning) for
     * comparison, from 1 and from 8 sending threads (group commit: one fsync for the alerts that arrive together).
     */
    private static void durableIntake(Plant plant, RulesetCompiler compiler, int alerts) throws Exception {
        for (int threads : new int[]{1, 8}) {
            Path dir = Files.createTempDirectory("andon-bench");
            MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 3, 10, 8, 15, 0, 0, ZoneId.of("Europe/Rome")).toInstant());
            try (AndonDatabase db = AndonDatabase.open(dir)) {
                AlertStore store = new AlertStore(db, AndonJson.newMapper());
                StationStatusStore stations = new StationStatusStore(db, AndonJson.newMapper());
                Map<String, String> settings = Map.of("escalationTickMillis", "0", "heartbeatCheckSeconds", "0",
                        "rulesDir", SAMPLE.resolve("rules").toAbsolutePath().normalize().toString());
                try (Runbooks runbooks = Runbooks.start(plant, new AndonSettings(Map.of(), settings), db, store, stations, clock, compiler)) {
                    Histogram histogram = new Histogram(1, Duration.ofSeconds(10).toNanos(), 3);
                    String[] stationsL1 = {"feeder-1", "robot-2", "vision-4", "pack-5"};
                    AtomicLong next = new AtomicLong();
                    List<Thread> senders = new ArrayList<>();
                    long start = System.nanoTime();
                    for (int t = 0; t < threads; t++) {
                        Thread sender = new Thread(() -> {
                            Histogram local = new Histogram(1, Duration.ofSeconds(10).toNanos(), 3);
                            long i;
                            while ((i = next.getAndIncrement()) < alerts) {
                                Instant at;
                                synchronized (clock) {
                                    // 40 s apart: no alert storm, no dedup, as on a normal shift.
                                    clock.advance(Duration.ofSeconds(40));
                                    at = clock.instant();
                                }
                                Alert a = new Alert(null, "bench-model-" + i, "1.0", "L1", stationsL1[(int) (i % 4)], "tool-wear",
                                        Severity.MEDIUM, 0.9, at, at, Map.of());
                                long s = System.nanoTime();
                                runbooks.intake().receive(a, Alerts.GATEWAY);
                                local.recordValue(Math.max(1, System.nanoTime() - s));
                            }
                            synchronized (histogram) {
                                histogram.add(local);
                            }
                        });
                        senders.add(sender);
                        sender.start();
                    }
                    for (Thread sender : senders) {
                        sender.join();
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    var stats = runbooks.intakeStats();
                    System.out.printf(Locale.ROOT, "durable intake, %d sender(s): %,d alerts in %.2f s = %,.0f alerts/s; p50 %.2f ms, p99 %.2f ms; %.1f alerts per commit%n",
                            threads, alerts, seconds, alerts / seconds, histogram.getValueAtPercentile(50) / 1e6,
                            histogram.getValueAtPercentile(99) / 1e6, (double) stats.alerts() / stats.commits());
                }
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static String generatedRules() {
        String[] types = {"vibration-anomaly", "temperature-drift", "tool-wear", "power-failure-risk", "vision-defect",
                "dimension-out-of-tolerance", "hydraulic-pressure-drop", "station-starved", "station-blocked", "andon-cord"};
        StringBuilder drl = new StringBuilder("""
                package dev.andon.rules.bench;
                import dev.andon.rules.facts.*;
                global DecisionDraft decision;
                """);
        for (int i = 0; i < GENERATED_RULES; i++) {
            String type = types[i % types.length];
            double floor = 0.5 + (i % 50) / 100.0;
            String line = i % 2 == 0 ? "L1" : "L2";
            // The default shape matches plant-specific rules on the alert; -Dbench.joins=true adds a second pattern
            // (a join on the station) to every rule, the heavier case where all 200 rules link per alert.
            drl.append(String.format(Locale.ROOT, """
                    rule "Generated %d"
                    when
                        AlertFact(type == "%s", line == "%s", confidence >= %.2f, severity != "low")
                    %s
                    then
                        decision.flag("generated-%d");
                    end
                    """, i, type, line, floor, JOINS ? "    StationFact(state != \"down\")" : "", i % 20));
        }
        return drl.toString();
    }

    private static List<Job> jobs(Plant plant) {
        Instant[] times = {
                ZonedDateTime.of(2026, 3, 10, 8, 15, 0, 0, ZoneId.of("Europe/Rome")).toInstant(),
                ZonedDateTime.of(2026, 3, 10, 15, 30, 0, 0, ZoneId.of("Europe/Rome")).toInstant(),
                ZonedDateTime.of(2026, 3, 10, 23, 30, 0, 0, ZoneId.of("Europe/Rome")).toInstant()};
        String[][] cases = {
                {"L2", "press-3", "vibration-anomaly", "0.82"}, {"L2", "press-3", "vibration-anomaly", "0.55"},
                {"L1", "robot-2", "tool-wear", "0.9"}, {"L1", "vision-4", "vision-defect", "0.93"},
                {"L2", "press-3", "hydraulic-pressure-drop", "0.8"}, {"L1", "pack-5", "andon-cord", "1.0"},
                {"L2", "station-4", "station-starved", "1.0"}, {"L2", "coil-1", "temperature-drift", "0.4"},
                {"L1", "feeder-1", "power-failure-risk", "0.7"}, {"L2", "vision-5", "dimension-out-of-tolerance", "0.6"},
                {"L2", "press-3", "model-silent", "1.0"}};
        List<Job> jobs = new ArrayList<>();
        int n = 0;
        for (Instant at : times) {
            for (String[] c : cases) {
                Alert a = new Alert(Integer.toString(++n), "bench-model", "1.0", c[0], c[1], c[2],
                        n % 5 == 0 ? Severity.CRITICAL : Severity.HIGH, Double.parseDouble(c[3]), at, at, Map.of());
                jobs.add(new Job(a, new DecisionInputs(at, StationStatus.unknown(c[0], c[1]), 1, n % 13 == 0,
                        new HistoryCounts(60, n % 4, n % 3, n % 7, n % 5), List.of())));
            }
        }
        return jobs;
    }

    private record Job(Alert alert, DecisionInputs inputs) {
    }
}
