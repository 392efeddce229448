package dev.andon.assistant;

import dev.andon.core.alert.ActionStep;
import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Assignee;
import dev.andon.core.alert.Decision;
import dev.andon.core.alert.EscalationStep;
import dev.andon.core.alert.FiredRule;
import dev.andon.core.alert.KnowledgeRef;
import dev.andon.core.alert.Severity;
import dev.andon.core.config.AndonSettings;
import dev.andon.core.handover.HandoverNoteStore;
import dev.andon.core.json.AndonJson;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import dev.andon.knowledge.KnowledgeBase;
import dev.andon.knowledge.KnowledgeOptions;
import dev.andon.knowledge.index.MiniLmEmbedder;
import dev.andon.core.intake.AlertLifecycle;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The fictional sample plant as tests use it: the real plant file, the real sample knowledge base (Lucene, copied to
 * a temporary folder), real MapDB stores, and a clock fixed at 09:00 on 25 Nov 2026 in Europe/Rome — inside the early
 * shift (Luca Bianchi leads L2, Paolo Greco leads L1). Alerts get realistic runbook decisions, as the rules module
 * would store them.
 */
public final class SamplePlant implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Rome"));
    public static final Path ROOT = repositoryRoot();
    public static final Path PLANT_FILE = ROOT.resolve("sample-plant/plant.yaml");
    public static final Path KNOWLEDGE = ROOT.resolve("sample-plant/knowledge");
    private static volatile EmbeddingModel model;

    public final Plant plant;
    public final AndonDatabase db;
    public final AlertStore alerts;
    public final StationStatusStore stations;
    public final HandoverNoteStore notes;
    public final AlertLifecycle lifecycle;
    public final Path dataDir;

    private SamplePlant(Path dataDir) {
        this.plant = new PlantLoader().load(PLANT_FILE);
        this.dataDir = dataDir;
        this.db = AndonDatabase.open(dataDir);
        this.alerts = new AlertStore(db, AndonJson.newMapper());
        this.stations = new StationStatusStore(db, AndonJson.newMapper());
        this.notes = new HandoverNoteStore(db, AndonJson.newMapper(), dev.andon.core.identity.PermissionPolicy.bundled(),
                new dev.andon.core.audit.AuditTrail(db, AndonJson.newMapper(), CLOCK));
        this.lifecycle = (id, to, actor, note) -> alerts.transition(id, to, actor.id(), note, CLOCK.instant());
    }

    /** Opens (or reopens, after a restart) the stores in {@code dataDir}. */
    public static SamplePlant open(Path dataDir) {
        return new SamplePlant(dataDir);
    }

    /** One in-process MiniLM model for the whole test JVM (loading takes about a second). */
    public static EmbeddingModel embeddingModel() {
        if (model == null) {
            synchronized (SamplePlant.class) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
            }
        }
        return model;
    }

    /** The sample knowledge base, copied into {@code folder} (plus {@code extraDocs}: file name → Markdown). */
    public static KnowledgeBase knowledge(Path folder, Map<String, String> extraDocs) {
        Path docs = folder.resolve("docs");
        copy(KNOWLEDGE, docs);
        extraDocs.forEach((name, text) -> {
            try {
                Files.writeString(docs.resolve(name), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return KnowledgeBase.open(docs, folder.resolve("index"), KnowledgeOptions.builder()
                .embedder(new MiniLmEmbedder(embeddingModel())).clock(CLOCK).build());
    }

    public Assistants.Builder assistants(KnowledgeBase kb, Map<String, String> env) {
        return Assistants.builder(plant, new AndonSettings(env, plant.settings()), kb, alerts, stations, notes,
                lifecycle, db, CLOCK).embeddingModel(embeddingModel());
    }

    public Assistants offline(KnowledgeBase kb) {
        return assistants(kb, Map.of()).build();
    }

    /** A vibration alert on press-3 with the decision the sample runbook makes: maintenance owns it, LOTO steps. */
    public AlertRecord pressVibrationAlert(Map<String, Object> payload) {
        Alert alert = new Alert(null, "pdm-model", "vib-2.3", "L2", "press-3", "vibration-anomaly", Severity.HIGH, 0.91,
                NOW.minus(Duration.ofMinutes(5)), NOW.minus(Duration.ofMinutes(5)), payload);
        Decision d = new Decision("press-vibration", "maintenance",
                new Assignee("marco.ferri", "Marco Ferri", "maintenance", "on-shift"),
                List.of(
                        new ActionStep(1, "Confirm the vibration reading on the HMI", "operator", new KnowledgeRef("SOP-L2-PRESS-VIB", "3.1"), false),
                        new ActionStep(2, "Inspect for loose die clamps and abnormal noise", "operator", new KnowledgeRef("SOP-L2-PRESS-VIB", "3.2"), false),
                        new ActionStep(3, "Stop the press at top dead centre", "operator", new KnowledgeRef("SOP-L2-PRESS-VIB", "4.1"), false),
                        new ActionStep(4, "Isolate electrical energy", "maintenance", new KnowledgeRef("LOTO-PRESS-01", "4.1"), true),
                        new ActionStep(5, "Isolate hydraulic energy", "maintenance", new KnowledgeRef("LOTO-PRESS-01", "4.2"), true),
                        new ActionStep(6, "Check die clamping and bolster", "maintenance", new KnowledgeRef("SOP-L2-PRESS-VIB", "5.1"), false)),
                NOW.plus(Duration.ofMinutes(10)), NOW.plus(Duration.ofHours(2)),
                List.of(new EscalationStep(1, Duration.ofMinutes(15), "unacknowledged", "team-leader", "luca.bianchi", "not acknowledged in time")),
                Set.of(),
                List.of(new FiredRule("press-vibration-high", "vibration-anomaly on press-3, severity high: maintenance owns it, the operator does the first checks")),
                "sample-2026.11.1", NOW.minus(Duration.ofMinutes(5)));
        return alerts.insert(alert, rec -> rec.withDecision(d).movedTo(AlertState.ASSIGNED, "rules", NOW.minus(Duration.ofMinutes(5)), "assigned by runbook"));
    }

    /** A tool-wear alert on station-4 owned by the operator role. */
    public AlertRecord brushWearAlert() {
        Alert alert = new Alert(null, "vision-wear", "w-1.0", "L2", "station-4", "tool-wear", Severity.MEDIUM, 0.8,
                NOW.minus(Duration.ofMinutes(30)), NOW.minus(Duration.ofMinutes(30)), Map.of());
        Decision d = new Decision("tool-wear", "operator",
                new Assignee("anna.rossi", "Anna Rossi", "operator", "on-shift"),
                List.of(new ActionStep(1, "Measure the wear", "operator", new KnowledgeRef("SOP-TOOL-WEAR", "3"), false),
                        new ActionStep(2, "Plan the tool change", "operator", new KnowledgeRef("SOP-TOOL-WEAR", "4"), false)),
                NOW.plus(Duration.ofMinutes(30)), NOW.plus(Duration.ofHours(4)), List.of(), Set.of(),
                List.of(new FiredRule("tool-wear-medium", "tool-wear, severity medium: the operator measures and plans the change")),
                "sample-2026.11.1", NOW.minus(Duration.ofMinutes(30)));
        return alerts.insert(alert, rec -> rec.withDecision(d).movedTo(AlertState.ASSIGNED, "rules", NOW.minus(Duration.ofMinutes(30)), "assigned by runbook"));
    }

    public static ChatRequest ask(String user, String role, String line, String conversation, String message) {
        return new ChatRequest(user, role, line, conversation, message);
    }

    @Override
    public void close() {
        db.close();
    }

    private static Path repositoryRoot() {
        for (Path p : new Path[]{Path.of(""), Path.of("..")}) {
            if (Files.isRegularFile(p.resolve("sample-plant/plant.yaml"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("sample-plant/plant.yaml not found from " + Path.of("").toAbsolutePath());
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
