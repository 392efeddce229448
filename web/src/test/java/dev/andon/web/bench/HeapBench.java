package dev.andon.web.bench;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.Severity;
import dev.andon.core.config.AndonSettings;
import dev.andon.core.identity.Principal;
import dev.andon.core.json.AndonJson;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import dev.andon.core.plant.Station;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import dev.andon.rules.Runbooks;
import dev.andon.rules.intake.AlertPipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Prepares what the heap target is measured on: a copy of the sample plant with {@code lines} lines (the sample's two,
 * repeated under new ids) and a data folder holding {@code alerts} distinct alerts spread over every station, all
 * still open (the most the service keeps indexed in memory), written through the real intake. It prints the command
 * that starts the real jar on them with {@code -Xmx512m}; the heap is then read with {@code jcmd <pid> GC.heap_info}
 * after {@code jcmd <pid> GC.run}. Run with {@code ./andon bench heap [alerts=100000] [lines=20] [folder]}.
 */
public final class HeapBench {
    private static final Path SAMPLE = Files.isDirectory(Path.of("sample-plant")) ? Path.of("sample-plant") : Path.of("../sample-plant");
    private static final Principal GATEWAY = Principal.machine("heap-bench", "heap bench gateway",
            java.util.Set.of("alerts:write"), java.util.Set.of(), true).inRequest("heap-bench");

    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path root = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("andon-heap-bench");
        Path plantDir = root.resolve("plant");
        Path data = root.resolve("data");
        copy(SAMPLE.toAbsolutePath(), plantDir);
        Path plantFile = plantDir.resolve("plant.yaml");
        Files.writeString(plantFile, withLines(Files.readString(plantFile), lines));
        Plant plant = new PlantLoader().load(plantFile);
        List<String[]> stations = new ArrayList<>();
        for (Line l : plant.lines()) {
            for (Station s : l.stations()) {
                stations.add(new String[]{l.id(), s.id()});
            }
        }
        String type = plant.alertTypes().get(0).id();
        long started = System.nanoTime();
        try (AndonDatabase db = AndonDatabase.open(data)) {
            AlertStore store = new AlertStore(db, AndonJson.newMapper());
            StationStatusStore stationStates = new StationStatusStore(db, AndonJson.newMapper());
            try (Runbooks runbooks = Runbooks.start(plant, new AndonSettings(Map.of(), Map.of("escalationTickMillis", "0",
                    "heartbeatCheckSeconds", "0")), db, store, stationStates, Clock.systemUTC())) {
                AlertPipeline pipeline = runbooks.pipeline();
                AtomicInteger next = new AtomicInteger();
                List<Thread> senders = new ArrayList<>();
                for (int t = 0; t < 32; t++) {
                    Thread s = new Thread(() -> {
                        int n;
                        while ((n = next.getAndIncrement()) < alerts) {
                            String[] w = stations.get(n % stations.size());
                            Instant now = Instant.now();
                            pipeline.receive(new Alert(null, "heap-" + n, "1.0", w[0], w[1], type, Severity.MEDIUM, 0.9,
                                    now, now, Map.of("seq", n)), GATEWAY);
                        }
                    });
                    s.start();
                    senders.add(s);
                }
                for (Thread s : senders) {
                    s.join();
                }
                System.out.printf(Locale.ROOT, "%,d alerts on %d lines (%d stations) stored in %.0f s; %,d in the store%n",
                        alerts, plant.lines().size(), stations.size(), (System.nanoTime() - started) / 1e9, store.count());
            }
        }
        System.out.printf(Locale.ROOT, "store file: %,d MB%n", Files.size(data.resolve(AndonDatabase.FILE_NAME)) >> 20);
        System.out.println("now start the real service on it and read its heap:");
        System.out.println("  ANDON_PLANT_FILE=" + plantFile + " ANDON_DATA_DIR=" + data
                + " ANDON_HTTP_PORT=8099 java -Xmx512m -jar web/target/andon.jar &");
        System.out.println("  jcmd <pid> GC.run && jcmd <pid> GC.heap_info");
        System.exit(0);
    }

    /** The plant file with lines L3… added as copies of L1 and L2 (same stations, no roster: owners fall back). */
    static String withLines(String yaml, int lines) {
        int start = yaml.indexOf("\nlines:\n");
        int end = yaml.indexOf("\nalertTypes:");
        String block = yaml.substring(start + "\nlines:\n".length(), end);
        int second = block.indexOf("  - id: L2");
        String l1 = block.substring(0, second);
        String l2 = block.substring(second);
        StringBuilder more = new StringBuilder();
        for (int n = 3; n <= lines; n++) {
            String template = n % 2 == 1 ? l1 : l2;
            String from = n % 2 == 1 ? "L1" : "L2";
            more.append(template.replace("id: " + from + "\n", "id: L" + n + "\n")
                    .replaceFirst("name: (.*) line \\d+", "name: $1 line " + n));
        }
        // the block ends with its last station's line break; the new lines follow it
        return yaml.substring(0, end) + more + yaml.substring(end);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
