package dev.andon.rules.governance;

import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.PayloadTooLargeException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.store.AndonDatabase;
import dev.andon.rules.decision.ActiveRuleset;
import dev.andon.rules.engine.CompiledRuleset;
import dev.andon.rules.engine.RuleBundle;
import dev.andon.rules.engine.RulesetCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How runbook rules change: upload (checked by the sandbox gate and compiled at once; errors name file and line, the
 * active rules stay untouched) → backtest against stored alerts (within a time and memory budget) → approve (someone
 * allowed to, who is not the author) → activate (atomic swap; alerts decided before keep the version recorded in their
 * decision) → roll back. Who may do each step is the {@link PermissionPolicy}'s answer for the acting
 * {@link Principal}: {@code rulesets:upload} (process owners, runbook authors), {@code rulesets:approve},
 * {@code rulesets:activate}; a backtest needs upload or approve. The rules folder is loaded at start as a version of
 * its own (author "rules-folder") and activated when it is new: deploying changed files is the approval.
 */
public final class RulesetGovernance {
    private static final Logger LOG = LoggerFactory.getLogger(RulesetGovernance.class);
    private static final int COMPILED_KEPT = 4;
    /** Who activates the rules folder at start: the service itself (deploying the files was the approval). */
    private static final Principal RULES_FOLDER = Principal.system(RulesetVersion.RULES_FOLDER);

    private final AndonDatabase db;
    private final PermissionPolicy policy;
    private final AuditTrail audit;
    private final RulesetStore store;
    private final RulesetCompiler compiler;
    private final ActiveRuleset active;
    private final Backtester backtester;
    private final Clock clock;
    private final long maxBytes;
    private final int maxFiles;
    private final Map<String, CompiledRuleset> compiled = new LinkedHashMap<>(8, 0.75f, true);
    private volatile List<Problem> folderProblems = List.of();

    public RulesetGovernance(AndonDatabase db, PermissionPolicy policy, AuditTrail audit, RulesetStore store,
                             RulesetCompiler compiler, ActiveRuleset active, Backtester backtester, Clock clock,
                             long maxBytes, int maxFiles) {
        this.db = db;
        this.policy = policy;
        this.audit = audit;
        this.store = store;
        this.compiler = compiler;
        this.active = active;
        this.backtester = backtester;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
    }

    /**
     * Checks, compiles and stores a new version (not active) with {@code author} as its author. Throws
     * {@link ForbiddenException} unless the author may {@code rulesets:upload}, {@link PayloadTooLargeException} over
     * the size limit, {@link InvalidInputException} with a problem per error ("routing.xlsx:14", "runbooks.drl:42")
     * otherwise. Uploading files identical to an existing version returns that version.
     */
    public synchronized RulesetVersion upload(Principal author, Map<String, byte[]> files) {
        policy.require(author, Action.RULESETS_UPLOAD, null);
        List<Problem> problems = new ArrayList<>();
        if (files == null || files.isEmpty()) {
            problems.add(new Problem("files", "at least one .drl, .csv or .xlsx file is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long total = files.values().stream().mapToLong(b -> b == null ? 0 : b.length).sum();
        if (total > maxBytes) {
            throw new PayloadTooLargeException("ruleset upload (" + total + " bytes)", maxBytes);
        }
        if (files.size() > maxFiles) {
            throw new InvalidInputException("files", "at most " + maxFiles + " files per ruleset, got " + files.size());
        }
        files.forEach((name, bytes) -> {
            if (bytes == null || bytes.length == 0) {
                problems.add(new Problem(name, "is empty"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        RuleBundle bundle = new RuleBundle(files);
        Optional<RulesetVersion> same = store.withHash(bundle.hash());
        if (same.isPresent()) {
            return same.get();
        }
        CompiledRuleset candidate = compiler.compile("upload", bundle);
        RulesetVersion v = db.write(() -> {
            RulesetVersion added = store.add(new RulesetStore.RulesetVersionDraft(author.id(), clock.instant(),
                    RulesetVersion.UPLOAD, candidate.ruleCount()), bundle);
            audit.record(author, "ruleset.upload", "ruleset/" + added.version(), null, added);
            return added;
        });
        keep(candidate.as(v.version()));
        LOG.info("ruleset {} uploaded by {} ({} rules, {})", v.version(), v.author(), v.ruleCount(), v.hash());
        return v;
    }

    /**
     * Replays stored alerts with {@code version} (within the evaluation budget) and records the result with the
     * version. Whoever may upload or approve rulesets may backtest.
     */
    public synchronized BacktestReport backtest(Principal who, String version) {
        if (!policy.allows(who, Action.RULESETS_UPLOAD, null) && !policy.allows(who, Action.RULESETS_APPROVE, null)) {
            throw new ForbiddenException((who == null ? "nobody" : who.id()) + " may not backtest rulesets: that takes "
                    + Action.RULESETS_UPLOAD + " or " + Action.RULESETS_APPROVE);
        }
        RulesetVersion v = store.get(version);
        BacktestReport report = backtester.run(compiled(v.version()));
        RulesetVersion tested = v.withBacktest(new BacktestSummary(report.at(), report.replayed(), report.changed(),
                report.fallbacks(), report.overBudget(), report.stopped()));
        db.write(() -> {
            store.update(tested);
            audit.record(who, "ruleset.backtest", "ruleset/" + version, v.backtest(), tested.backtest());
        });
        return report;
    }

    /**
     * A person allowed to {@code rulesets:approve} who is not the author approves; a complete backtest must come first
     * (one stopped by its budget does not count).
     */
    public synchronized RulesetVersion approve(Principal approver, String version) {
        policy.require(approver, Action.RULESETS_APPROVE, null);
        if (!approver.isPerson()) {
            throw new ForbiddenException("an approval is a person's signature; " + approver.id() + " is not a person");
        }
        RulesetVersion v = store.get(version);
        if (approver.id().equals(v.author())) {
            throw new ForbiddenException("the author of " + version + " cannot approve it: someone else allowed to "
                    + Action.RULESETS_APPROVE + " must");
        }
        if (v.approvedBy() != null) {
            return v;
        }
        if (v.backtest() == null) {
            throw new ConflictException("backtest " + version + " before approving it");
        }
        if (v.backtest().stopped() != null) {
            throw new ConflictException("the last backtest of " + version + " did not finish (" + v.backtest().stopped()
                    + "); it cannot be approved");
        }
        RulesetVersion approved = v.approved(approver.id(), clock.instant());
        db.write(() -> {
            store.update(approved);
            audit.record(approver, "ruleset.approve", "ruleset/" + version, v, approved);
        });
        LOG.info("ruleset {} approved by {}", version, approver.id());
        return store.get(version);
    }

    /**
     * Makes {@code version} the one new alerts are decided with; it must be approved (or come from the rules folder),
     * and {@code who} must be allowed to {@code rulesets:activate}.
     */
    public synchronized RulesetVersion activate(Principal who, String version) {
        policy.require(who, Action.RULESETS_ACTIVATE, null);
        return activateAs(who, version);
    }

    private RulesetVersion activateAs(Principal actor, String version) {
        RulesetVersion v = store.get(version);
        if (v.active()) {
            return v;
        }
        if (v.approvedBy() == null && !RulesetVersion.RULES_FOLDER.equals(v.source())) {
            throw new ConflictException(version + " is not approved; someone allowed to " + Action.RULESETS_APPROVE
                    + " approves it first");
        }
        List<String> history = new ArrayList<>(store.history());
        history.remove(version);
        history.add(version);
        return switchTo(v, history, actor, "ruleset.activate");
    }

    /** Goes back to the version that was active before the current one; needs {@code rulesets:activate}. */
    public synchronized RulesetVersion rollback(Principal who) {
        policy.require(who, Action.RULESETS_ACTIVATE, null);
        List<String> history = new ArrayList<>(store.history());
        if (history.size() < 2) {
            throw new ConflictException("there is no previous version to roll back to");
        }
        history.remove(history.size() - 1);
        RulesetVersion previous = store.get(history.get(history.size() - 1));
        return switchTo(previous, history, who, "ruleset.rollback");
    }

    public List<RulesetVersion> list() {
        return store.list();
    }

    public RulesetVersion get(String version) {
        return store.get(version);
    }

    public Optional<RulesetVersion> active() {
        return store.activeVersion().map(store::get);
    }

    /** The files of a version, for download. */
    public Map<String, byte[]> files(String version) {
        return store.bundle(store.get(version).version()).files();
    }

    /** Problems of the rules folder at the last start (empty when it compiled). */
    public List<Problem> folderProblems() {
        return folderProblems;
    }

    /**
     * At start: register the rules folder as a version when its content is new and activate it; otherwise keep the
     * version that was active. A folder that does not compile is reported and the previous active version stays.
     */
    public synchronized void start(RulesFolder folder) {
        try {
            RuleBundle bundle = folder.read();
            Optional<RulesetVersion> known = store.withHash(bundle.hash());
            if (known.isEmpty()) {
                CompiledRuleset c = compiler.compile("rules-folder", bundle);
                RulesetVersion v = store.add(new RulesetStore.RulesetVersionDraft(RulesetVersion.RULES_FOLDER,
                        clock.instant(), RulesetVersion.RULES_FOLDER, c.ruleCount()), bundle);
                keep(c.as(v.version()));
                activateAs(RULES_FOLDER, v.version());
            } else if (store.activeVersion().isEmpty()) {
                activateAs(RULES_FOLDER, known.get().version());
            }
            folderProblems = List.of();
        } catch (InvalidInputException e) {
            folderProblems = e.problems();
            LOG.error("rules folder {} does not compile; keeping the active version: {}", folder.folder(), e.getMessage());
        } catch (RuntimeException e) {
            folderProblems = List.of(new Problem(folder.folder().toString(), e.getMessage()));
            LOG.error("rules folder {} cannot be loaded; keeping the active version", folder.folder(), e);
        }
        Optional<String> current = store.activeVersion();
        if (current.isPresent() && active.get().map(r -> !r.version().equals(current.get())).orElse(true)) {
            try {
                active.swap(compiled(current.get()));
            } catch (RuntimeException e) {
                LOG.error("active ruleset {} cannot be built; alerts get the fallback decision", current.get(), e);
            }
        }
    }

    private RulesetVersion switchTo(RulesetVersion v, List<String> history, Principal actor, String action) {
        // The rules folder keeps its name as the activator; people are recorded by id.
        String who = actor == RULES_FOLDER ? RulesetVersion.RULES_FOLDER : actor.id();
        CompiledRuleset next = compiled(v.version());
        Instant now = clock.instant();
        String before = store.activeVersion().orElse(null);
        db.write(() -> {
            store.update(v.activated(who, now));
            store.setActive(v.version(), history);
            audit.record(actor, action, "ruleset/" + v.version(), Map.of("active", before == null ? "" : before),
                    Map.of("active", v.version()));
        });
        active.swap(next);
        LOG.info("ruleset {} activated by {}", v.version(), who);
        return store.get(v.version());
    }

    private CompiledRuleset compiled(String version) {
        CompiledRuleset c = compiled.get(version);
        if (c == null) {
            RuleBundle bundle = store.bundle(version);
            CompiledRuleset built = compiler.compile(version, bundle);
            c = built;
            keep(c);
        }
        return c;
    }

    private void keep(CompiledRuleset c) {
        compiled.put(c.version(), c);
        var it = compiled.entrySet().iterator();
        while (compiled.size() > COMPILED_KEPT && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
