package dev.andon.rules;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.intake.AlertIntake;
import dev.andon.core.intake.AlertLifecycle;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.config.AndonSettings;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.error.Problem;
import dev.andon.core.json.AndonJson;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.ShiftRoster;
import dev.andon.core.skills.Qualifications;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import dev.andon.rules.decision.ActiveRuleset;
import dev.andon.rules.decision.AssigneeResolver;
import dev.andon.rules.decision.DecisionAssembler;
import dev.andon.rules.decision.DecisionInputsStore;
import dev.andon.rules.decision.EvaluationProblems;
import dev.andon.rules.decision.FactBuilder;
import dev.andon.rules.decision.FallbackDecisions;
import dev.andon.rules.decision.RunbookDecider;
import dev.andon.rules.engine.CompiledRuleset;
import dev.andon.rules.engine.RulesetCompiler;
import dev.andon.rules.engine.RunbookEngine;
import dev.andon.rules.escalation.EscalationScheduler;
import dev.andon.rules.escalation.EscalationStore;
import dev.andon.rules.governance.Backtester;
import dev.andon.rules.governance.RulesFolder;
import dev.andon.rules.governance.RulesetGovernance;
import dev.andon.rules.governance.RulesetStore;
import dev.andon.rules.heartbeat.HeartbeatMonitor;
import dev.andon.rules.intake.AlertPipeline;
import dev.andon.rules.intake.Incidents;
import dev.andon.rules.intake.Inhibitor;
import dev.andon.core.schedule.BackgroundScheduler;
import dev.andon.core.schedule.Scheduler;
import dev.andon.rules.lifecycle.AlertTransitions;
import dev.andon.rules.silence.Silences;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The rules module as the composition root sees it: runbook decisions for incoming alerts, the alert lifecycle,
 * silences, incidents, escalation timers, model heartbeats and ruleset governance over one MapDB. {@link #start}
 * loads the rules folder (building a KieBase takes seconds) and starts the timers; {@link #close} stops them.
 * Everything here is plain synchronous Java; web calls it from worker threads.
 */
public final class Runbooks implements AutoCloseable {
    private final AndonDatabase db;
    private final RulesSettings settings;
    private final ActiveRuleset active;
    private final AlertPipeline intake;
    private final AlertTransitions lifecycle;
    private final Silences silences;
    private final Incidents incidents;
    private final EscalationScheduler escalations;
    private final HeartbeatMonitor heartbeats;
    private final RulesetGovernance rulesets;
    private final EvaluationProblems problems;
    private final ChangeListeners listeners;
    private final List<Scheduler.Task> tasks;
    private final Scheduler ownScheduler;
    private final RulesetCompiler ownCompiler;

    private Runbooks(AndonDatabase db, RulesSettings settings, ActiveRuleset active, AlertPipeline intake,
                     AlertTransitions lifecycle, Silences silences, Incidents incidents, EscalationScheduler escalations,
                     HeartbeatMonitor heartbeats, RulesetGovernance rulesets, EvaluationProblems problems,
                     ChangeListeners listeners, List<Scheduler.Task> tasks, Scheduler ownScheduler,
                     RulesetCompiler ownCompiler) {
        this.db = db;
        this.settings = settings;
        this.active = active;
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.silences = silences;
        this.incidents = incidents;
        this.escalations = escalations;
        this.heartbeats = heartbeats;
        this.rulesets = rulesets;
        this.problems = problems;
        this.listeners = listeners;
        this.tasks = tasks;
        this.ownScheduler = ownScheduler;
        this.ownCompiler = ownCompiler;
    }

    /**
     * Wires the module, loads the rules folder ({@code settings.path("rulesDir", "rules", plant.baseDir())}) and the
     * active ruleset, and starts the escalation and heartbeat timers (a setting of 0 for escalationTickMillis or
     * heartbeatCheckSeconds leaves that timer off: tests drive them by hand).
     */
    public static Runbooks start(Plant plant, AndonSettings andonSettings, AndonDatabase db, AlertStore alerts,
                                 StationStatusStore stations, Clock clock) {
        return start(plant, andonSettings, db, alerts, stations, clock, null);
    }

    /**
     * As {@link #start(Plant, AndonSettings, AndonDatabase, AlertStore, StationStatusStore, Clock)} with a compiler
     * shared between instances (its built KieBases are reused by content hash); the caller closes it. Null: an own
     * compiler, closed with this.
     */
    public static Runbooks start(Plant plant, AndonSettings andonSettings, AndonDatabase db, AlertStore alerts,
                                 StationStatusStore stations, Clock clock, RulesetCompiler sharedCompiler) {
        return start(plant, andonSettings, db, alerts, stations, clock, sharedCompiler, PermissionPolicy.bundled(),
                new AuditTrail(db, AndonJson.newMapper(), clock));
    }

    /** As above, with the plant's permission policy and the node's audit trail; qualifications from the plant file. */
    public static Runbooks start(Plant plant, AndonSettings andonSettings, AndonDatabase db, AlertStore alerts,
                                 StationStatusStore stations, Clock clock, RulesetCompiler sharedCompiler,
                                 PermissionPolicy policy, AuditTrail audit) {
        return start(plant, andonSettings, db, alerts, stations, clock, sharedCompiler, policy, audit,
                Qualifications.fromPlant(plant), null);
    }

    /** As above, with the qualifications hands-on runbooks check (the skills matrix) and an own scheduler. */
    public static Runbooks start(Plant plant, AndonSettings andonSettings, AndonDatabase db, AlertStore alerts,
                                 StationStatusStore stations, Clock clock, RulesetCompiler sharedCompiler,
                                 PermissionPolicy policy, AuditTrail audit, Qualifications qualifications) {
        return start(plant, andonSettings, db, alerts, stations, clock, sharedCompiler, policy, audit, qualifications,
                null);
    }

    /**
     * As above, with the qualifications hands-on runbooks check (what the application passes: the skills matrix) and
     * the node's one {@link Scheduler} for the escalation and heartbeat timers (null: an own one, closed with this).
     */
    public static Runbooks start(Plant plant, AndonSettings andonSettings, AndonDatabase db, AlertStore alerts,
                                 StationStatusStore stations, Clock clock, RulesetCompiler sharedCompiler,
                                 PermissionPolicy policy, AuditTrail audit, Qualifications qualifications,
                                 Scheduler sharedScheduler) {
        Objects.requireNonNull(qualifications, "qualifications");
        RulesetCompiler compiler = sharedCompiler == null ? new RulesetCompiler() : sharedCompiler;
        RulesSettings settings = RulesSettings.from(andonSettings, plant);
        JsonCodec json = new JsonCodec(AndonJson.newMapper());
        ShiftRoster roster = new ShiftRoster(plant);
        AssigneeResolver people = new AssigneeResolver(roster, qualifications);
        EvaluationProblems problems = new EvaluationProblems();
        RunbookDecider decider = new RunbookDecider(plant, new FactBuilder(plant, roster, people),
                new RunbookEngine(settings.firingLimit()), new DecisionAssembler(people),
                new FallbackDecisions(roster, people), problems);
        ChangeListeners listeners = new ChangeListeners();
        ActiveRuleset active = new ActiveRuleset();
        Silences silences = new Silences(db, plant, clock, json, settings.maxSilence(), policy, audit);
        DecisionInputsStore inputs = new DecisionInputsStore(db, json);
        EscalationStore escalationStore = new EscalationStore(db, json);
        Incidents incidents = new Incidents(db, json, roster, alerts, policy, audit, clock);
        AlertPipeline intake = new AlertPipeline(db, plant, alerts, stations, silences, active, decider, inputs,
                new Inhibitor(plant, stations, alerts), incidents, escalationStore, settings.noise(), listeners, audit,
                clock, settings.intakeQueueSize());
        AlertTransitions lifecycle = new AlertTransitions(db, alerts, escalationStore, incidents, listeners, policy,
                audit, clock);
        EscalationScheduler escalations = new EscalationScheduler(db, alerts, escalationStore, people, plant, listeners,
                audit, clock);
        HeartbeatMonitor heartbeats = new HeartbeatMonitor(db, plant, alerts, intake, lifecycle, json, audit, clock,
                settings.modelSilentAfter());
        // Backtests decide with candidate rules nobody approved yet: within a time and memory budget, and their rule
        // problems are not the running service's.
        RunbookDecider replay = new RunbookDecider(plant, new FactBuilder(plant, roster, people),
                new RunbookEngine(settings.firingLimit(), settings.backtestAlertBudget()), new DecisionAssembler(people),
                new FallbackDecisions(roster, people), new EvaluationProblems());
        RulesetGovernance rulesets = new RulesetGovernance(db, policy, audit, new RulesetStore(db, json), compiler,
                active, new Backtester(alerts, inputs, silences, replay, clock,
                        settings.backtestMaxAlerts(), 10, settings.backtestAlertBudget().time(), settings.backtestTimeout()),
                clock, settings.rulesetMaxBytes(), settings.rulesetMaxFiles());
        rulesets.start(new RulesFolder(settings.rulesDir()));

        Scheduler scheduler = sharedScheduler == null ? new BackgroundScheduler(1) : sharedScheduler;
        List<Scheduler.Task> tasks = new ArrayList<>();
        if (!settings.escalationTick().isZero()) {
            tasks.add(scheduler.every("escalations", java.time.Duration.ZERO, settings.escalationTick(), escalations::runDueQuietly));
        }
        if (!settings.heartbeatCheck().isZero()) {
            tasks.add(scheduler.every("heartbeats", settings.heartbeatCheck(), settings.heartbeatCheck(), heartbeats::checkQuietly));
        }
        return new Runbooks(db, settings, active, intake, lifecycle, silences, incidents, escalations, heartbeats,
                rulesets, problems, listeners, tasks, sharedScheduler == null ? scheduler : null,
                sharedCompiler == null ? compiler : null);
    }

    /** POST /api/alerts and every connector: store, decide, commit. */
    public AlertIntake intake() {
        return intake;
    }

    /** The intake itself: queue depth, commit statistics and an observer for metrics. */
    public AlertPipeline pipeline() {
        return intake;
    }

    /** Alerts received and the commits they took (group commit under concurrent senders). */
    public AlertPipeline.CommitStats intakeStats() {
        return intake.commitStats();
    }

    /** POST /api/alerts/{id}/transitions. */
    public AlertLifecycle lifecycle() {
        return lifecycle;
    }

    public Silences silences() {
        return silences;
    }

    public Incidents incidents() {
        return incidents;
    }

    public EscalationScheduler escalations() {
        return escalations;
    }

    public HeartbeatMonitor heartbeats() {
        return heartbeats;
    }

    public RulesetGovernance rulesets() {
        return rulesets;
    }

    /** Runaway rules and rule failures seen lately (each alert concerned got the fallback decision). */
    public List<EvaluationProblems.EvaluationProblem> evaluationProblems() {
        return problems.latest();
    }

    /** Called after every committed change to an alert: intake, lifecycle, escalation, heartbeat alerts. */
    public void onChange(Consumer<AlertRecord> listener) {
        listeners.add(listener);
    }

    public RulesSettings settings() {
        return settings;
    }

    public RulesHealth health() {
        Optional<CompiledRuleset> current = active.get();
        List<Problem> folder = rulesets.folderProblems();
        String folderText = folder.isEmpty() ? "" : "; rules folder " + settings.rulesDir() + " does not compile: "
                + folder.stream().map(Problem::toString).collect(Collectors.joining("; "));
        if (!db.isOpen()) {
            return new RulesHealth(false, current.map(CompiledRuleset::version).orElse(null), "store is closed");
        }
        if (current.isEmpty()) {
            return new RulesHealth(false, null, "no ruleset is active: every alert gets the fallback decision" + folderText);
        }
        CompiledRuleset c = current.get();
        List<EvaluationProblems.EvaluationProblem> recent = problems.latest();
        String last = recent.isEmpty() ? "" : "; last rule problem: " + recent.get(0).kind() + " on alert "
                + recent.get(0).alertId() + " (" + recent.get(0).detail() + ")";
        return new RulesHealth(true, c.version(), "ruleset " + c.version() + " active, " + c.ruleCount() + " rules"
                + folderText + last);
    }

    @Override
    public void close() {
        tasks.forEach(Scheduler.Task::cancel);
        if (ownScheduler != null) {
            ownScheduler.close();
        }
        intake.close();
        if (ownCompiler != null) {
            ownCompiler.close();
        }
    }
}
