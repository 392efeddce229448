package dev.andon.web.bench;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.Severity;
import dev.andon.core.config.AndonSettings;
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
import dev.andon.web.app.AndonApplication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable intake figures, printed: in process (the intake API, 32 concurrent senders), an alert storm of 50,000 on
 * one line (rate of the first and the last 10,000), and over HTTP (as fast as 32 connections go, then a steady
 * 5,000 alerts/s with its latencies). Every alert is distinct (nothing folded as a repeat) and counted only once
 * committed. Run with {@code ./andon bench intake [inProcessAlerts] [stormAlerts] [httpSeconds]}.
 */
public final class IntakeBench {
    private static final Path SAMPLE = Files.isDirectory(Path.of("sample-plant")) ? Path.of("sample-plant") : Path.of("../sample-plant");
    private static final int SENDERS = 32;
    private static final int MAX_IN_FLIGHT = 2_000;
    private static final String ADMIN_PASSWORD = "intake-bench-admin-password";

    public static void main(String[] args) throws Exception {
        int inProcess = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int storm = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int httpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Plant plant = new PlantLoader().load(SAMPLE.resolve("plant.yaml").toAbsolutePath());
        List<String[]> stations = new ArrayList<>();
        for (Line l : plant.lines()) {
            for (Station s : l.stations()) {
                stations.add(new String[]{l.id(), s.id()});
            }
        }
        String type = plant.alertTypes().get(0).id();

        inProcess("in process, every station", plant, inProcess, n -> stations.get(n % stations.size()), type, false);
        inProcess("storm, one line", plant, storm, n -> new String[]{"L2", stations.stream().filter(s -> s[0].equals("L2"))
                .toList().get(n % 4)[1]}, type, true);
        if (httpSeconds > 0) {
            http(stations, type, httpSeconds);
        }
        System.exit(0);
    }

    /** Who raises the bench's alerts: a model gateway's machine token (each alert's audit record names it). */
    private static final dev.andon.core.identity.Principal GATEWAY = dev.andon.core.identity.Principal.machine("bench",
            "bench gateway", java.util.Set.of("alerts:write"), java.util.Set.of(), true).inRequest("bench");

    interface Where {
        String[] of(int n);
    }

    private static void inProcess(String label, Plant plant, int alerts, Where where, String type, boolean storm) throws Exception {
        Path data = Files.createTempDirectory("andon-intake-bench");
        try (AndonDatabase db = AndonDatabase.open(data)) {
            AlertStore store = new AlertStore(db, AndonJson.newMapper());
            StationStatusStore stations = new StationStatusStore(db, AndonJson.newMapper());
            try (Runbooks runbooks = Runbooks.start(plant, new AndonSettings(Map.of(), Map.of("escalationTickMillis", "0",
                    "heartbeatCheckSeconds", "0")), db, store, stations, Clock.systemUTC())) {
                AlertPipeline pipeline = runbooks.pipeline();
                // warm-up: JIT and the first KieSession pool
                for (int i = 0; i < 2_000; i++) {
                    String[] w = where.of(i);
                    pipeline.receive(alert("warm-" + i, w[0], w[1], type), GATEWAY);
                }
                long c0 = pipeline.commitStats().commits();
                long[] latency = new long[alerts];
                long[] doneAt = new long[alerts];
                AtomicInteger next = new AtomicInteger();
                List<Thread> senders = new ArrayList<>();
                long start = System.nanoTime();
                for (int t = 0; t < SENDERS; t++) {
                    Thread s = new Thread(() -> {
                        int n;
                        while ((n = next.getAndIncrement()) < alerts) {
                            String[] w = where.of(n);
                            long t0 = System.nanoTime();
                            pipeline.receive(alert("bench-" + n, w[0], w[1], type), GATEWAY);
                            long t1 = System.nanoTime();
                            latency[n] = t1 - t0;
                            doneAt[n] = t1;
                        }
                    });
                    s.start();
                    senders.add(s);
                }
                for (Thread s : senders) {
                    s.join();
                }
                double secs = (System.nanoTime() - start) / 1e9;
                long commits = pipeline.commitStats().commits() - c0;
                System.out.printf(Locale.ROOT, "%-28s %,7d alerts, %d senders: %,8.0f alerts/s  p50 %6.2f ms  p99 %6.2f ms  %.1f alerts/commit%n",
                        label, alerts, SENDERS, alerts / secs, pct(latency, 50), pct(latency, 99), (double) alerts / commits);
                if (storm && alerts >= 20_000) {
                    long[] sorted = doneAt.clone();
                    Arrays.sort(sorted);
                    double first = 10_000 / ((sorted[9_999] - start) / 1e9);
                    double last = 10_000 / ((sorted[alerts - 1] - sorted[alerts - 10_001]) / 1e9);
                    System.out.printf(Locale.ROOT, "%-28s first 10,000: %,8.0f alerts/s   last 10,000: %,8.0f alerts/s   (%d incident(s), %,d members)%n",
                            "storm", first, last, runbooks.incidents().list("L2", false).size(),
                            runbooks.incidents().list("L2", false).stream().mapToInt(i -> i.memberCount()).sum());
                }
            }
        }
    }

    private static Alert alert(String source, String line, String station, String type) {
        Instant now = Instant.now();
        return new Alert(null, source, "1.0", line, station, type, Severity.MEDIUM, 0.9, now, now, Map.of("seq", source));
    }

    private static String gateway;

    private static void http(List<String[]> stations, String type, int seconds) throws Exception {
        Path data = Files.createTempDirectory("andon-intake-bench-http");
        AndonApplication app = AndonApplication.start(Map.of("ANDON_HTTP_PORT", "0", "ANDON_DATA_DIR", data.toString(),
                "ANDON_ADMIN_PASSWORD", ADMIN_PASSWORD), Clock.systemUTC());
        try {
            String base = "http://127.0.0.1:" + app.port();
            // the senders are a model gateway: a machine token with alerts:write on every line
            gateway = BenchSignIn.machine(base, BenchSignIn.person(base, "admin", ADMIN_PASSWORD), "intake bench gateway", "alerts:write");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/alerts");
            AtomicLong seq = new AtomicLong();
            closedLoop(client, uri, stations, type, seq, 3, false);
            closedLoop(client, uri, stations, type, seq, seconds, true);
            openLoop(client, uri, stations, type, seq, seconds, 5_000);
        } finally {
            app.close();
        }
    }

    private static HttpRequest post(URI uri, List<String[]> stations, String type, long n) {
        String[] w = stations.get((int) (n % stations.size()));
        String body = "{\"source\":\"http-bench-" + n + "\",\"modelVersion\":\"1.0\",\"line\":\"" + w[0] + "\",\"station\":\""
                + w[1] + "\",\"type\":\"" + type + "\",\"severity\":\"medium\",\"confidence\":0.9,\"timestamp\":\""
                + Instant.now().minusSeconds(1) + "\"}";
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", gateway)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** {@code SENDERS} requests always in flight, as wrk -c32 does. */
    private static void closedLoop(HttpClient client, URI uri, List<String[]> stations, String type, AtomicLong seq,
                                   int seconds, boolean print) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        Semaphore inFlight = new Semaphore(SENDERS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            inFlight.acquire();
            long t0 = System.nanoTime();
            client.sendAsync(post(uri, stations, type, seq.incrementAndGet()), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        if (e == null && r.statusCode() == 202) {
                            ok.incrementAndGet();
                            latencies.add(System.nanoTime() - t0);
                        } else {
                            other.incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(SENDERS);
        double secs = (System.nanoTime() - start) / 1e9;
        if (print) {
            long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
            System.out.printf(Locale.ROOT, "%-28s %,7d alerts, %d in flight: %,8.0f alerts/s  p50 %6.2f ms  p99 %6.2f ms  (%d not 202)%n",
                    "HTTP, as fast as it goes", ok.get(), SENDERS, ok.get() / secs, pct(l, 50), pct(l, 99), other.get());
        }
    }

    /** A steady {@code rate} per second whatever the answers take (latency includes any queueing at the sender). */
    private static void openLoop(HttpClient client, URI uri, List<String[]> stations, String type, AtomicLong seq,
                                 int seconds, int rate) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        // Each request in flight holds a connection (a file descriptor on both sides): past this many, the sender
        // stops offering and counts the alert as not sent, instead of measuring its own descriptor exhaustion.
        Semaphore open = new Semaphore(MAX_IN_FLIGHT);
        AtomicInteger notSent = new AtomicInteger();
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            if (!open.tryAcquire()) {
                notSent.incrementAndGet();
                continue;
            }
            all.add(client.sendAsync(post(uri, stations, type, seq.incrementAndGet()), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        if (e == null && r.statusCode() == 202) {
                            ok.incrementAndGet();
                            latencies.add(System.nanoTime() - due);
                        } else {
                            other.incrementAndGet();
                        }
                        open.release();
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double secs = (System.nanoTime() - start) / 1e9;
        long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
        System.out.printf(Locale.ROOT, "%-28s %,7d alerts at %,d/s offered: %,8.0f alerts/s  p50 %6.2f ms  p99 %6.2f ms  (%d not 202)%n",
                "HTTP, steady", ok.get(), rate, ok.get() / secs, pct(l, 50), pct(l, 99), other.get());
        if (notSent.get() > 0) {
            System.out.printf(Locale.ROOT, "%-28s %,d alerts not offered: %,d requests were already waiting%n", "", notSent.get(), MAX_IN_FLIGHT);
        }
    }

    private static double pct(long[] nanos, int p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * s.length) - 1))] / 1e6;
    }
}
