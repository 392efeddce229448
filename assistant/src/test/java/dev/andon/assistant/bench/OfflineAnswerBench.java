package dev.andon.assistant.bench;

import dev.andon.assistant.AndonAssistant;
import dev.andon.assistant.Assistants;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.ChatRequest;
import dev.andon.assistant.SamplePlant;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.line.StationState;
import dev.andon.core.line.StationStatus;
import dev.andon.knowledge.KnowledgeBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * In-process latency of offline answers, per intent, over the sample plant and the real sample knowledge base:
 * validation, intent recognition (MiniLM embeddings), the abilities, and the MapDB commit of the turn — everything
 * but HTTP. Run: {@code mvn -q -o -pl assistant exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.andon.assistant.bench.OfflineAnswerBench} (add {@code -Dexec.args=--show} to print one
 * answer per intent).
 */
public final class OfflineAnswerBench {
    private static final int WARMUP = 30;
    private static final int RUNS = 300;

    public static void main(String[] args) throws Exception {
        boolean show = Arrays.asList(args).contains("--show");
        Path dir = Files.createTempDirectory("andon-assistant-bench");
        try (KnowledgeBase kb = SamplePlant.knowledge(dir.resolve("kb"), Map.of());
             SamplePlant plant = SamplePlant.open(dir.resolve("data"));
             Assistants assistants = plant.offline(kb)) {
            AlertRecord vibration = plant.pressVibrationAlert(Map.of("rms_mm_s", 7.4));
            plant.brushWearAlert();
            plant.stations.save(new StationStatus("L2", "press-3", StationState.DOWN, "vibration", SamplePlant.NOW.minus(Duration.ofMinutes(3)), "anna.rossi"));
            plant.notes.add(new dev.andon.core.identity.PlantPeople(plant.plant).principalOf("anna.rossi").orElseThrow(), "L2", "early", "Die D-21 fitted, first part OK", SamplePlant.NOW.minus(Duration.ofMinutes(40)));
            AndonAssistant a = assistants.assistant();

            Map<String, Supplier<ChatAnswer>> cases = new LinkedHashMap<>();
            cases.put("alert-help (by id)", () -> a.answer(req("anna.rossi", "operator", "L2", null, "what about alert " + vibration.id() + "?")));
            cases.put("alert-help (by station)", () -> a.answer(req("anna.rossi", "operator", "L2", null, "press-3 on L2 is flagging vibration, what do I do?")));
            cases.put("knowledge (how-to)", () -> a.answer(req("anna.rossi", "operator", "L2", null, "How do I change the die on press 3?")));
            cases.put("knowledge (torque)", () -> a.answer(req("anna.rossi", "operator", "L2", null, "what is the torque for the lower die clamp bolts?")));
            cases.put("knowledge (not covered)", () -> a.answer(req("anna.rossi", "operator", "L2", null, "How do I calibrate the laser marker?")));
            cases.put("line-status", () -> a.answer(req("luca.bianchi", "team-leader", "L2", null, "status of L2")));
            cases.put("shift-summary", () -> a.answer(req("luca.bianchi", "team-leader", "L2", null, "summarise this shift")));
            cases.put("onboarding", () -> a.answer(req("alessio.barbieri", "trainer", null, null, "onboard me as an operator on L2")));
            cases.put("acknowledge (ask)", () -> a.answer(req("marco.ferri", "maintenance", "L2", null, "acknowledge alert " + vibration.id())));
            cases.put("handover-note", () -> a.answer(req("anna.rossi", "operator", "L2", null, "add a handover note: coil-1 straightener adjusted")));
            cases.put("follow-up", () -> {
                ChatAnswer first = a.answer(req("luca.bianchi", "team-leader", null, null, "status of L2"));
                long start = System.nanoTime();
                ChatAnswer next = a.answer(req("luca.bianchi", "team-leader", null, first.conversationId(), "and station 4?"));
                FOLLOW_UP_NANOS.set(System.nanoTime() - start);
                return next;
            });

            System.out.printf("Offline assistant, in-process (no HTTP), %d runs per intent after %d warm-up runs%n", RUNS, WARMUP);
            System.out.printf("%-26s %9s %9s %9s%n", "intent", "p50 ms", "p95 ms", "max ms");
            for (Map.Entry<String, Supplier<ChatAnswer>> c : cases.entrySet()) {
                boolean followUp = c.getKey().equals("follow-up");
                for (int i = 0; i < WARMUP; i++) {
                    c.getValue().get();
                }
                List<Long> nanos = new ArrayList<>();
                ChatAnswer last = null;
                for (int i = 0; i < RUNS; i++) {
                    long start = System.nanoTime();
                    last = c.getValue().get();
                    nanos.add(followUp ? FOLLOW_UP_NANOS.get() : System.nanoTime() - start);
                }
                nanos.sort(Comparator.naturalOrder());
                System.out.printf("%-26s %9.2f %9.2f %9.2f%n", c.getKey(), ms(pct(nanos, 50)), ms(pct(nanos, 95)), ms(nanos.get(nanos.size() - 1)));
                if (show) {
                    System.out.println("---- " + last.intent() + " / " + last.mode() + " / citations " + last.citations().size());
                    System.out.println(last.text());
                    System.out.println("----");
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // a temp folder left behind is harmless
                    }
                });
            }
        }
    }

    private static final ThreadLocal<Long> FOLLOW_UP_NANOS = ThreadLocal.withInitial(() -> 0L);

    private static ChatRequest req(String user, String role, String line, String conversation, String message) {
        return new ChatRequest(user, role, line, conversation, message);
    }

    private static long pct(List<Long> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private OfflineAnswerBench() {
    }
}
