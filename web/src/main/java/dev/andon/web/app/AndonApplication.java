package dev.andon.web.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.assistant.Assistants;
import dev.andon.core.alert.IncomingAlertReader;
import dev.andon.core.config.AndonSettings;
import dev.andon.core.events.EventAddresses;
import dev.andon.assistant.training.Training;
import dev.andon.assistant.training.TrainingStore;
import dev.andon.core.handover.HandoverNoteStore;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.skills.Coverage;
import dev.andon.core.skills.SkillCatalog;
import dev.andon.core.skills.SkillsMatrix;
import dev.andon.core.skills.Staffing;
import dev.andon.core.json.AndonJson;
import dev.andon.core.store.LineStatusReader;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Role;
import dev.andon.core.plant.Station;
import dev.andon.core.plant.PlantLoader;
import dev.andon.core.store.AlertStore;
import dev.andon.core.schedule.BackgroundScheduler;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import dev.andon.knowledge.AuditedDocumentChanges;
import dev.andon.knowledge.KnowledgeBase;
import dev.andon.knowledge.KnowledgeOptions;
import dev.andon.knowledge.index.FloorWords;
import dev.andon.knowledge.index.MiniLmEmbedder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.andon.rules.Runbooks;
import dev.andon.rules.RulesSettings;
import dev.andon.rules.engine.RulesetCompiler;
import dev.andon.rules.governance.RulesFolder;
import dev.andon.connectors.Connectors;
import dev.andon.assistant.training.QuizDrafts;
import dev.andon.assistant.training.QuizDrafter;
import dev.andon.assistant.llm.LlmQuizDrafter;
import dev.andon.assistant.llm.LlmSettings;
import dev.andon.assistant.llm.ChatModels;
import dev.andon.web.api.QuizDraftRoutes;
import dev.andon.web.api.AlertRoutes;
import dev.andon.web.api.ConnectorRoutes;
import dev.andon.web.api.ChatRoutes;
import dev.andon.web.api.EventStreamRoutes;
import dev.andon.web.api.HealthRoutes;
import dev.andon.web.api.KnowledgeRoutes;
import dev.andon.web.api.LineRoutes;
import dev.andon.web.api.PartHealth;
import dev.andon.web.api.ReplayRoutes;
import dev.andon.web.api.RulesRoutes;
import dev.andon.web.api.SectionPages;
import dev.andon.web.api.SkillsRoutes;
import dev.andon.web.api.TrainingRoutes;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.production.StationReports;
import dev.andon.core.signin.Identities;
import dev.andon.core.signin.PasswordHasher;
import dev.andon.core.signin.SignInThrottle;
import dev.andon.web.auth.AdminRoutes;
import dev.andon.web.auth.ApiOperation;
import dev.andon.web.auth.ApiOperations;
import dev.andon.web.auth.AuthRoutes;
import dev.andon.web.auth.Authenticator;
import dev.andon.web.auth.BearerTokens;
import dev.andon.web.auth.Guards;
import dev.andon.web.auth.OpenApiDocument;
import dev.andon.web.contract.RequestContract;
import dev.andon.web.auth.SingleSignOn;
import dev.andon.web.http.SecurityHeaders;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.ErrorResponder;
import dev.andon.web.http.EventPublisher;
import dev.andon.web.http.HttpVerticle;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The composition root: builds every part from the plant file and the environment, serves HTTP, and closes the parts
 * in reverse order of construction.
 */
public final class AndonApplication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AndonApplication.class);
    private static final long START_TIMEOUT_SECONDS = 120;

    private final Deque<AutoCloseable> closeables;
    private final Plant plant;
    private final Path dataDir;
    private final int port;
    private volatile boolean closed;

    private AndonApplication(Deque<AutoCloseable> closeables, Plant plant, Path dataDir, int port) {
        this.closeables = closeables;
        this.plant = plant;
        this.dataDir = dataDir;
        this.port = port;
    }

    public static AndonApplication start(Map<String, String> env) {
        return start(env, Clock.systemUTC());
    }

    /** Starts everything and returns once HTTP is listening; on any failure, what was built is closed again. */
    public static AndonApplication start(Map<String, String> env, Clock clock) {
        Deque<AutoCloseable> closeables = new ArrayDeque<>();
        try {
            return build(env, clock, closeables);
        } catch (RuntimeException e) {
            closeAll(closeables);
            throw e;
        }
    }

    private static AndonApplication build(Map<String, String> env, Clock clock, Deque<AutoCloseable> closeables) {
        AndonSettings bootstrap = new AndonSettings(env, Map.of());
        Path dataDir = bootstrap.path("dataDir", "./data", null);
        boolean sampleBundled = bootstrap.get("plantFile").isEmpty();
        Path plantFile = bootstrap.get("plantFile")
                .map(p -> Path.of(p).toAbsolutePath())
                .orElseGet(() -> new SamplePlantInstaller().install(dataDir));
        Plant plant = new PlantLoader().load(plantFile);
        AndonSettings settings = new AndonSettings(env, plant.settings());
        Path data = settings.path("dataDir", dataDir.toString(), null);
        int port = settings.getInt("httpPort", 8080);
        ObjectMapper json = AndonJson.newMapper();
        LOG.info("starting Andon for {} ({}), data in {}", plant.name(), plantFile, data);

        // Two slow parts of a start run on their own threads from here while the store opens and the rest is built:
        // compiling the runbooks (a cold JVM spends seconds loading and warming the Drools compiler; Runbooks.start
        // then finds the rules folder's content built, or a warm compiler for a stored version) and loading the
        // embedding model (~1-2 s; the knowledge base waits for it).
        RulesetCompiler compiler = push(closeables, new RulesetCompiler());
        CompletableFuture<Void> preparing = CompletableFuture.runAsync(
                () -> compiler.prepare(new RulesFolder(RulesSettings.from(settings, plant).rulesDir())::read),
                daemon("andon-rules-prepare"));
        closeables.push(preparing::join); // a failed start closes the compiler only once nothing builds in it
        CompletableFuture<EmbeddingModel> loadingModel = CompletableFuture.supplyAsync(
                AllMiniLmL6V2QuantizedEmbeddingModel::new, daemon("andon-model-load"));

        AndonDatabase db = push(closeables, AndonDatabase.open(data));
        // The node's one scheduler for background work: escalation timers, model heartbeats, the documents folder
        // scan, index refresh, handover drafts, session expiry. Closed here on a failed start, and first of all on
        // a stop (pushed again at the end), so no task runs against an engine that is closing.
        BackgroundScheduler scheduler = push(closeables, new BackgroundScheduler(2));
        AuditTrail audit = new AuditTrail(db, json, clock);
        PermissionPolicy policy = settings.get("permissionsFile")
                .map(f -> PermissionPolicy.load(plant.baseDir().resolve(f)))
                .orElseGet(PermissionPolicy::bundled);
        Identities identities = new Identities(db, json, plant, policy, audit, new PasswordHasher(),
                new SignInThrottle(clock), clock);
        // The admin password is read from the environment only: secrets never live in the plant file.
        FirstStart.run(identities, plant, env.get("ANDON_ADMIN_PASSWORD"), sampleBundled, data, System.out);
        AlertStore alerts = new AlertStore(db, json);
        StationStatusStore stations = new StationStatusStore(db, json);
        HandoverNoteStore notes = new HandoverNoteStore(db, json, policy, audit);
        SkillCatalog skillCatalog = SkillCatalog.of(plant);
        SkillsMatrix skills = new SkillsMatrix(db, json, plant, skillCatalog, policy, audit, clock);
        Coverage coverage = new Coverage(plant, skillCatalog, skills, Staffing.fromRoster(plant));
        ShiftFeature shift = ShiftFeature.build(plant, settings, db, json, alerts, stations, notes, policy, coverage, audit,
                clock);

        // One in-process MiniLM model serves both the knowledge index and the assistant's intent recognition.
        EmbeddingModel minilm = loadingModel.join();
        KnowledgeBase knowledge = push(closeables, KnowledgeBase.open(
                settings.path("knowledgeDir", "knowledge", plant.baseDir()), data.resolve("index"),
                KnowledgeOptions.fromSettings(settings).clock(clock).embedder(new MiniLmEmbedder(minilm)).permissions(policy)
                        .scheduler(scheduler)
                        // the plant's own names for its machines and things, if it keeps a words file
                        .floorWords(settings.get("knowledgeWordsFile")
                                .map(f -> FloorWords.standardAnd(plant.baseDir().resolve(f)))
                                .orElse(FloorWords.STANDARD))
                        .knownPlant(ids(plant.roles(), Role::id), ids(plant.lines(), Line::id),
                                plant.lines().stream().flatMap(l -> l.stations().stream()).map(Station::id)
                                        .collect(Collectors.toSet()))
                        .build(),
                // Each document change commits with its audit records in one write of the store (uploads, drafts,
                // approvals, rejections, deletions); an interrupted one is put back at the next start.
                new AuditedDocumentChanges(db, audit)));
        // Hands-on runbooks ask the skills matrix who is qualified.
        Runbooks runbooks = push(closeables, Runbooks.start(plant, settings, db, alerts, stations, clock, compiler,
                policy, audit, skills, scheduler));
        knowledge.startWatching();
        // With a language model configured it drafts quiz questions for trainers to approve; never asked unapproved.
        // One chat model client serves the assistant and the quiz drafter.
        LlmSettings llm = LlmSettings.from(settings);
        ChatModel chatModel = llm.enabled() ? ChatModels.chatModel(llm) : null;
        QuizDrafts quizDrafts = new QuizDrafts(knowledge, db, json,
                chatModel != null ? new LlmQuizDrafter(chatModel, llm.modelLabel()) : QuizDrafter.NONE, policy, audit, clock);
        Training training = new Training(plant, knowledge, new TrainingStore(db, json), skills, db, policy, audit,
                quizDrafts, clock);
        Assistants.Builder assistantParts = Assistants.builder(plant, settings, knowledge, alerts, stations,
                notes, runbooks.lifecycle(), db, clock).embeddingModel(minilm).permissions(policy)
                .shift(shift.handovers, shift.resolutions).training(training, skills, coverage);
        if (chatModel != null) {
            assistantParts.chatModel(chatModel, llm.modelLabel()).streamingChatModel(ChatModels.streamingChatModel(llm));
        }
        Assistants assistants = push(closeables, assistantParts.build());

        // One registry for /metrics: Vert.x's HTTP server meters (per route, so search and chat latency show), intake's, the JVM's.
        io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry =
                new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
        runbooks.pipeline().observe(new dev.andon.web.metrics.IntakeMetrics(registry, runbooks.pipeline()));
        Vertx vertx = Vertx.builder()
                .with(new io.vertx.core.VertxOptions().setMetricsOptions(new io.vertx.micrometer.MicrometerMetricsOptions()
                        .setEnabled(true).setLabels(java.util.EnumSet.of(io.vertx.micrometer.Label.HTTP_ROUTE,
                                io.vertx.micrometer.Label.HTTP_METHOD, io.vertx.micrometer.Label.HTTP_CODE))))
                .withMetrics(new io.vertx.micrometer.MicrometerMetricsFactory(registry))
                .build();
        closeables.push(() -> await(vertx.close()));
        EngineWorkers workers = push(closeables, new EngineWorkers(vertx, settings.getInt("workerPoolSize", 16)));
        JsonResponses responses = new JsonResponses(json);
        RequestBodies bodies = new RequestBodies(json);
        EventPublisher events = new EventPublisher(vertx.eventBus(), json);
        runbooks.onChange(rec -> events.publish(EventAddresses.ALERT_CHANGED, rec));
        StationReports stationReports = new StationReports(db, plant, stations, policy, audit, clock);
        stationReports.addListener(s -> events.publish(EventAddresses.STATION_STATUS, s));
        shift.publishTo(events);
        shift.draftAtShiftEnd(scheduler);
        // Sessions past their end leave the store within a minute, each with its audit record.
        scheduler.every("session-expiry", Duration.ofMinutes(1), Duration.ofMinutes(1), identities::expireSessions);

        PublishingIntake intake = new PublishingIntake(runbooks.intake(), events);
        IncomingAlertReader reader = new IncomingAlertReader(plant, clock,
                Duration.ofSeconds(settings.getLong("maxFutureSkewSeconds", 300)), json, new IncomingAlertReader.Limits(
                Duration.ofHours(settings.getLong("maxAlertAgeHours", 168)),
                settings.getInt("payloadMaxDepth", 32), settings.getInt("payloadMaxBytes", 64 * 1024)));
        Connectors connectors = push(closeables, Connectors.start(
                settings.path("connectorsFile", "connectors.yaml", plant.baseDir()),
                new Connectors.Parts(plant, reader, intake, runbooks.lifecycle(), alerts, stations,
                        stationReports, runbooks.heartbeats()::heartbeat, db,
                        policy, audit, json, clock, env), vertx));
        runbooks.onChange(connectors::alertChanged);
        dev.andon.web.metrics.ConnectorMetrics.bind(connectors, registry);
        Map<String, Supplier<PartHealth>> health = new LinkedHashMap<>();
        health.put("store", () -> db.isOpen()
                ? PartHealth.up(Map.of("file", db.file().toString(), "alerts", alerts.count()))
                : PartHealth.down(Map.of("file", db.file().toString())));
        health.put("rules", () -> {
            var h = runbooks.health();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("activeVersion", String.valueOf(h.activeVersion()));
            detail.put("detail", String.valueOf(h.detail()));
            return h.up() ? PartHealth.up(detail) : PartHealth.down(detail);
        });
        health.put("index", () -> {
            var h = knowledge.health();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("documents", h.documents());
            detail.put("chunks", h.chunks());
            detail.put("failedIngests", knowledge.failedIngests());
            return h.up() ? PartHealth.up(detail) : PartHealth.down(detail);
        });
        health.put("connectors", () -> PartHealth.up(Map.of("connectors", connectors.health(),
                "deadLetters", connectors.deadLetterCount(), "deadLettersDropped", connectors.deadLettersDropped())));
        health.put("assistant", () -> PartHealth.up(Map.of("mode", assistants.mode(), "model", assistants.model())));

        BearerTokens bearer = new BearerTokens(vertx, identities.signingKey());
        boolean secureCookies = settings.getBoolean("secureCookies", false);
        SingleSignOn sso = await(SingleSignOn.start(vertx, SingleSignOn.Settings.from(settings, env), identities, workers,
                secureCookies));
        List<ApiOperation> operations = ApiOperations.all(plant);
        Map<String, Object> openApi = OpenApiDocument.of(operations, policy, "1");
        RequestContract contract = await(RequestContract.load(vertx, openApi, operations));
        Guards guards = new Guards(policy, operations);
        List<Consumer<Router>> routes = new java.util.ArrayList<>(List.of(
                new AuthRoutes(identities, bearer, plant, workers, bodies, responses, secureCookies)::mount,
                r -> SingleSignOn.mount(r, sso),
                new AdminRoutes(identities, audit, workers, bodies, responses)::mount,
                r -> r.get("/openapi.json").handler(ctx -> responses.ok(ctx, openApi)),
                new AlertRoutes(plant, reader, intake, runbooks.lifecycle(), alerts, workers, bodies, responses,
                        policy, shift.resolutions)::mount,
                new LineRoutes(plant, new LineStatusReader(plant, stations, alerts), stationReports, workers, bodies,
                        responses)::mount,
                new RulesRoutes(plant, runbooks, workers, bodies, responses, policy)::mount,
                new KnowledgeRoutes(knowledge, workers, responses)::mount,
                new SectionPages(knowledge, workers)::mount,
                new ChatRoutes(assistants, workers, bodies, responses)::mount,
                new ReplayRoutes(connectors, workers, responses)::mount,
                new ConnectorRoutes(connectors, workers, responses)::mount,
                new SkillsRoutes(plant, skills, coverage, workers, bodies, responses, clock)::mount,
                new TrainingRoutes(training, workers, bodies, responses)::mount,
                new QuizDraftRoutes(quizDrafts, workers, bodies, responses)::mount,
                new EventStreamRoutes(vertx.eventBus())::mount,
                new HealthRoutes(health, workers, responses)::mount,
                new dev.andon.web.api.MetricsRoutes(registry)::mount));
        routes.addAll(shift.routes(workers, bodies, responses));
        HttpVerticle http = new HttpVerticle(port, settings.getLong("maxBodyBytes", 1_048_576),
                settings.getLong("maxUploadBytes", KnowledgeOptions.DEFAULT_MAX_FILE_BYTES + 1_048_576),
                data.resolve("uploads").toString(),
                new SecurityHeaders(Set.of("/api/knowledge/documents", "/api/rulesets", "/api/replay")),
                new Authenticator(identities, bearer), r -> {
                    guards.mount(r);
                    contract.mount(r); // who may call it first, then whether the body fits
                }, routes,
                new ErrorResponder(responses));
        await(vertx.deployVerticle(http));
        LOG.info("Andon listening on port {}", http.actualPort());
        closeables.push(scheduler);
        return new AndonApplication(closeables, plant, data, http.actualPort());
    }

    /** Runs each task on a new daemon thread of that name (the start's few parallel parts). */
    private static java.util.concurrent.Executor daemon(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).collect(Collectors.toSet());
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> closeables, T part) {
        closeables.push(part);
        return part;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause.getMessage(), cause);
        }
    }

    private static void closeAll(Deque<AutoCloseable> closeables) {
        while (!closeables.isEmpty()) {
            AutoCloseable part = closeables.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", part, e);
            }
        }
    }

    public int port() {
        return port;
    }

    public String plantName() {
        return plant.name();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeAll(closeables);
            LOG.info("Andon stopped");
        }
    }
}
