package dev.andon.rules.intake;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Decision;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.error.ServiceUnavailableException;
import dev.andon.core.identity.Principal;
import dev.andon.core.intake.AlertIntake;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import dev.andon.rules.ChangeListeners;
import dev.andon.rules.decision.ActiveRuleset;
import dev.andon.rules.decision.DecisionInputs;
import dev.andon.rules.decision.DecisionInputsStore;
import dev.andon.rules.decision.RunbookDecider;
import dev.andon.rules.escalation.EscalationStore;
import dev.andon.rules.silence.Silence;
import dev.andon.rules.silence.Silences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The way in for every alert. Callers put a validated alert on a bounded queue (full: 503, nothing kept) and get a
 * future. Two threads follow, one batch apart. The deciding thread takes whatever is queued as a batch, in arrival
 * order, and for each alert — outside the database lock, against {@link IntakeIndex}'s in-memory view — checks dedup,
 * silences, maintenance windows and inhibition, decides it with the active runbooks and groups it into a storm
 * incident. The committing thread writes each decided batch in one transaction with one commit (one forced write),
 * and only then completes the futures: a caller hears 202 only for what is on disk. While one batch is being forced to
 * disk the next is decided, so the committing thread spends its time on the store alone. Each alert's audit record
 * (who raised it, what was decided) is written in the same transaction.
 * An alert whose own processing fails is refused alone; if the batch write fails, each alert is retried in a write
 * of its own, so one bad alert cannot sink the others, and a store that cannot write (full disk) refuses them all with
 * 503; a batch decided while the failed one was in flight is decided again. Listeners hear about changes after the
 * commit, in commit order.
 */
public final class AlertPipeline implements AlertIntake, AutoCloseable {
    public static final String ACTOR = "andon";
    private static final Logger LOG = LoggerFactory.getLogger(AlertPipeline.class);
    /** Most alerts per transaction: bounds one commit's time (and so the wait of the alerts queued behind it). */
    private static final int MAX_BATCH = 1_000;
    private static final Duration RETRY_FULL = Duration.ofSeconds(1);
    private static final Duration RETRY_STORE = Duration.ofSeconds(5);

    private final AndonDatabase db;
    private final Plant plant;
    private final AlertStore alerts;
    private final StationStatusStore stations;
    private final Silences silences;
    private final ActiveRuleset active;
    private final RunbookDecider decider;
    private final DecisionInputsStore inputs;
    private final IntakeIndex index;
    private final Inhibitor inhibitor;
    private final Incidents incidents;
    private final EscalationStore escalations;
    private final NoiseSettings noise;
    private final ChangeListeners listeners;
    private final AuditTrail audit;
    private final Clock clock;
    private final ArrayBlockingQueue<Pending> queue;
    private final int queueCapacity;
    /**
     * One permit per alert taken and not yet answered, wherever it is (queued, decided, being written): the bound on
     * what intake holds in memory. The decider runs ahead of the writer, so the queue alone would not bound it.
     */
    private final java.util.concurrent.Semaphore unanswered;
    /** Decides alerts (dedup, silences, inhibition, runbooks, storms) as they arrive, ahead of their commit. */
    private final Thread deciderThread;
    /** Writes and commits what was decided, a batch at a time, in the order it was decided. */
    private final Thread committer;
    /**
     * Guards the batch being decided ({@link #open}, {@link #openSeq}) and {@link #ahead}; held while deciding an
     * alert, and by the committer while it recovers from a failed commit, so that nothing is decided against an index
     * that is being rebuilt.
     */
    private final java.util.concurrent.locks.ReentrantLock deciding = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.locks.Condition decidedSome = deciding.newCondition();
    private final java.util.concurrent.locks.Condition batchTaken = deciding.newCondition();
    /**
     * The alerts decided since the committer last took a batch, in arrival order. The committer takes all of it at
     * once, so a batch is everything that arrived while the one before it was written: the group commit is as large
     * as with one thread, and deciding overlaps the write and the forced journal.
     */
    private List<Planned> open = new ArrayList<>();
    private long openSeq = 1;
    /**
     * The decider is working through alerts it took from the queue together; the committer waits for the end of that
     * chunk before taking a batch (they arrived before it was ready, and a forced write costs far more than deciding
     * them), so batches are as large as when one thread did both.
     */
    private boolean midChunk;
    private long chunksDone;
    /**
     * Storm incidents opened or joined by batches decided but not yet committed, by line: the next batch joins them
     * instead of opening another. Once the batch that set an entry is committed, the incident store answers.
     */
    private final Map<String, StormState> ahead = new HashMap<>();
    /** The sequence number of the last batch committed. */
    private volatile long committedSeq;
    private volatile boolean deciderDone;
    /** Completes futures and tells listeners, in commit order, so the intake thread goes straight to the next batch. */
    private final ExecutorService replies;
    private volatile IntakeObserver observer = IntakeObserver.NONE;
    private volatile boolean running = true;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();

    public AlertPipeline(AndonDatabase db, Plant plant, AlertStore alerts, StationStatusStore stations, Silences silences,
                         ActiveRuleset active, RunbookDecider decider, DecisionInputsStore inputs, Inhibitor inhibitor,
                         Incidents incidents, EscalationStore escalations, NoiseSettings noise,
                         ChangeListeners listeners, AuditTrail audit, Clock clock, int queueCapacity) {
        this.db = db;
        this.plant = plant;
        this.alerts = alerts;
        this.stations = stations;
        this.silences = silences;
        this.active = active;
        this.decider = decider;
        this.inputs = inputs;
        this.inhibitor = inhibitor;
        this.incidents = incidents;
        this.escalations = escalations;
        this.noise = noise;
        this.listeners = listeners;
        this.audit = audit;
        this.clock = clock;
        this.queueCapacity = queueCapacity;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.unanswered = new java.util.concurrent.Semaphore(queueCapacity);
        this.index = new IntakeIndex(db, plant, alerts, noise, clock);
        this.replies = Executors.newSingleThreadExecutor(r -> daemon(r, "andon-intake-replies"));
        this.deciderThread = daemon(this::decideLoop, "andon-intake");
        this.committer = daemon(this::commitLoop, "andon-intake-commit");
        deciderThread.start();
        committer.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public void observe(IntakeObserver observer) {
        this.observer = observer == null ? IntakeObserver.NONE : observer;
    }

    /** Validates, queues and returns at once; the future completes once the alert is committed (or refused). */
    @Override
    public CompletionStage<AlertRecord> submit(Alert alert, Principal raisedBy) {
        validate(alert);
        if (raisedBy == null) {
            throw new IllegalArgumentException("an alert is raised by someone: raisedBy is required");
        }
        Pending p = new Pending(alert, raisedBy);
        if (!running || !unanswered.tryAcquire()) {
            throw new ServiceUnavailableException(running
                    ? "alert intake is full (" + queueCapacity + " alerts waiting for their commit); retry shortly"
                    : "alert intake is stopping", RETRY_FULL);
        }
        p.future.whenComplete((r, e) -> unanswered.release());
        if (!queue.offer(p)) {
            // Cannot happen while the permits bound the queue too; refuse rather than lose the alert.
            p.future.completeExceptionally(new ServiceUnavailableException("alert intake is full; retry shortly", RETRY_FULL));
            throw new ServiceUnavailableException("alert intake is full; retry shortly", RETRY_FULL);
        }
        observer.received();
        return p.future;
    }

    /** As {@link #submit}, waiting for the commit. */
    @Override
    public AlertRecord receive(Alert alert, Principal raisedBy) {
        try {
            return submit(alert, raisedBy).toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while waiting for the commit", RETRY_FULL, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException("alert intake failed", cause);
        }
    }

    /** Alerts queued and not yet taken by the decider. */
    public int queueDepth() {
        return queue.size();
    }

    /** Alerts taken and not yet answered (queued, decided or being written); at most {@link #queueCapacity()}. */
    public int unanswered() {
        return queueCapacity - unanswered.availablePermits();
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    /** How many alerts were received in how many commits since start (more than one per commit under load). */
    public CommitStats commitStats() {
        return new CommitStats(committed.get(), commits.get());
    }

    public record CommitStats(long alerts, long commits) {
    }

    private void decideLoop() {
        List<Pending> arrived = new ArrayList<>();
        try {
            while (running || !queue.isEmpty()) {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                arrived.add(first);
                queue.drainTo(arrived, MAX_BATCH - 1);
                chunk(true);
                try {
                    for (Pending p : arrived) {
                        decideOne(p);
                    }
                } finally {
                    chunk(false);
                }
                arrived.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            arrived.forEach(p -> p.future.completeExceptionally(new ServiceUnavailableException("alert intake stopped", RETRY_FULL)));
        } finally {
            deciding.lock();
            try {
                deciderDone = true;
                decidedSome.signalAll();
            } finally {
                deciding.unlock();
            }
        }
        Pending p;
        while ((p = queue.poll()) != null) {
            p.future.completeExceptionally(new ServiceUnavailableException("alert intake stopped", RETRY_FULL));
        }
    }

    private void chunk(boolean starts) {
        deciding.lock();
        try {
            midChunk = starts;
            if (!starts) {
                chunksDone++;
                decidedSome.signalAll();
            }
        } finally {
            deciding.unlock();
        }
    }

    /** Decides one alert into the open batch (waiting while that is full); one that fails is refused alone. */
    private void decideOne(Pending p) throws InterruptedException {
        deciding.lock();
        try {
            while (open.size() >= MAX_BATCH) {
                batchTaken.await();
            }
            try {
                open.add(plan(p, openSeq));
            } catch (RuntimeException | Error e) {
                refuse(p, e);
            }
            if (open.size() == 1 || open.size() >= MAX_BATCH) {
                decidedSome.signal(); // the committer waits for a first alert, or for the end of the chunk
            }
        } finally {
            deciding.unlock();
        }
    }

    private void commitLoop() {
        while (true) {
            List<Planned> plans;
            long seq;
            deciding.lock();
            try {
                while (open.isEmpty() && !deciderDone) {
                    decidedSome.await(100, TimeUnit.MILLISECONDS);
                }
                if (open.isEmpty()) {
                    return; // the decider stopped and everything it decided is written
                }
                long chunk = chunksDone;
                while (midChunk && chunksDone == chunk && open.size() < MAX_BATCH && !deciderDone) {
                    decidedSome.await(100, TimeUnit.MILLISECONDS);
                }
                plans = open;
                seq = openSeq++;
                open = new ArrayList<>();
                batchTaken.signal();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                deciding.unlock();
            }
            try {
                commit(plans, seq);
            } catch (RuntimeException | Error e) {
                LOG.error("intake batch failed unexpectedly", e);
                plans.forEach(pl -> pl.pending.future.completeExceptionally(e));
            }
        }
    }

    private void commit(List<Planned> plans, long seq) {
        long started = System.nanoTime();
        try {
            db.write(() -> applyAll(plans));
            committedSeq = seq;
            done(plans, started);
        } catch (RuntimeException | Error e) {
            recover(plans, e);
        }
    }

    /**
     * Nothing of the batch is on disk: forget what the index took ahead of the commit (this batch's alerts and those
     * decided behind it), retry each alert of the batch alone, then decide the ones behind it again, in order.
     */
    private void recover(List<Planned> plans, Throwable e) {
        deciding.lock();
        try {
            List<Pending> behind = open.stream().map(pl -> pl.pending).toList();
            open = new ArrayList<>();
            ahead.clear();
            index.rebuild();
            if (plans.size() == 1) {
                refuse(plans.get(0).pending, e);
            } else {
                LOG.warn("a batch of {} alerts could not be committed ({}); retrying each alone", plans.size(), e.toString());
                for (Planned failed : plans) {
                    retryAlone(failed.pending);
                }
            }
            for (Pending p : behind) {
                try {
                    open.add(plan(p, openSeq));
                } catch (RuntimeException | Error again) {
                    refuse(p, again);
                }
            }
        } finally {
            deciding.unlock();
        }
    }

    /** Decides and writes one alert in a commit of its own; called while holding {@link #deciding}. */
    private void retryAlone(Pending p) {
        long seq = openSeq++;
        Planned again;
        try {
            again = plan(p, seq);
        } catch (RuntimeException e) {
            refuse(p, e);
            return;
        }
        long started = System.nanoTime();
        try {
            db.write(() -> applyAll(List.of(again)));
            committedSeq = seq;
            done(List.of(again), started);
        } catch (RuntimeException | Error e) {
            ahead.clear();
            index.rebuild();
            refuse(p, e);
        }
    }

    private void done(List<Planned> plans, long started) {
        long took = System.nanoTime() - started;
        commits.incrementAndGet();
        committed.addAndGet(plans.size());
        IntakeObserver o = observer;
        o.committed(plans.size(), took);
        // Listeners first, so that a caller who got its answer can count on them having heard. Counting per alert
        // happens there too: the committing thread is the one every alert waits for.
        replies.execute(() -> {
            for (Planned pl : plans) {
                if (pl.repeatOf != null) {
                    o.deduplicated();
                } else {
                    o.decided(pl.result);
                }
            }
            for (Planned pl : plans) {
                listeners.publish(pl.changed);
            }
            for (Planned pl : plans) {
                pl.pending.future.complete(pl.result);
            }
        });
    }

    private void refuse(Pending p, Throwable e) {
        Throwable why = e instanceof dev.andon.core.error.StoreUnavailableException s
                ? new ServiceUnavailableException("the store could not commit this alert (" + s.getMessage()
                + "); nothing of it was kept, retry later", RETRY_STORE, s)
                : e;
        observer.refused(why);
        replies.execute(() -> p.future.completeExceptionally(why));
    }

    /**
     * Decides one alert of batch {@code seq} against memory (no database lock) and records it in the index ahead of
     * the commit. Called while holding {@link #deciding}.
     */
    private Planned plan(Pending p, long seq) {
        Alert alert = p.alert;
        Instant now = clock.instant();
        Optional<String> repeat = index.repeatOf(alert, now.minus(noise.dedupWindow()));
        if (repeat.isPresent()) {
            index.seenAgain(alert.fingerprint(), now);
            return new Planned(p, now, repeat.get(), null, null, null, null);
        }
        String id = alerts.nextId();
        Alert withId = new Alert(id, alert.source(), alert.modelVersion(), alert.line(), alert.station(), alert.type(),
                alert.severity(), alert.confidence(), alert.timestamp(), alert.receivedAt(), alert.payload());
        boolean flapping = index.closedWithFingerprint(alert, now) >= noise.flapReopenings();
        List<Silence> covering = silences.matching(alert, now);
        Optional<Suppression> suppression = covering.isEmpty() ? inhibitor.check(alert) : Optional.of(silenced(covering));
        DecisionInputs in = new DecisionInputs(now, stations.get(alert.line(), alert.station()), 1, flapping,
                index.history(withId, now), covering.stream().map(Silence::id).toList());
        Decision decision = decider.decide(active.get().orElse(null), withId, in, covering);
        AlertRecord rec = AlertRecord.received(withId).withDecision(decision);
        rec = suppression.isPresent()
                ? rec.suppressedBy(suppression.get().cause()).movedTo(AlertState.SUPPRESSED, ACTOR, now, suppression.get().note())
                : rec.movedTo(AlertState.ASSIGNED, ACTOR, now, assignedNote(decision));
        StormPlan storm = rec.state() == AlertState.SUPPRESSED ? null : storm(rec, now, seq);
        if (storm != null) {
            rec = rec.inIncident(storm.incidentId);
        }
        index.follow(rec);
        // encoded here, while the batch before is committed, so that the committing thread only copies bytes
        alerts.encodeAhead(rec);
        EscalationStore.NewSteps steps = rec.state() == AlertState.SUPPRESSED ? null : escalations.prepareNew(rec, now);
        Planned planned = new Planned(p, now, null, rec, inputs.encode(in), steps, storm);
        planned.audit = auditEntry(planned);
        return planned;
    }

    /** Joins the line's open incident while the storm goes on, or opens one when the line reaches the storm size. */
    private StormPlan storm(AlertRecord rec, Instant now, long seq) {
        String line = rec.alert().line();
        StormState current = ahead.get(line);
        if (current == null || current.seq <= committedSeq) {
            current = incidents.latestOpenOn(line).map(i -> new StormState(i.id(), i.lastAlertAt(), 0)).orElse(null);
        }
        if (current != null && !current.lastAlertAt.isBefore(now.minus(noise.stormWindow()))) {
            ahead.put(line, new StormState(current.incidentId, now, seq));
            return new StormPlan(current.incidentId, false, List.of(), null);
        }
        List<LineWindow.Entry> candidates = index.stormCandidates(line, now);
        if (candidates.size() + 1 < noise.stormSize()) {
            return null;
        }
        TreeMap<String, Integer> types = new TreeMap<>();
        List<String> earlier = new ArrayList<>();
        for (LineWindow.Entry e : candidates) {
            earlier.add(Long.toString(e.id));
            types.merge(e.type, 1, Integer::sum);
        }
        types.merge(rec.alert().type(), 1, Integer::sum);
        String summary = (earlier.size() + 1) + " alerts on " + line + " within " + noise.stormWindow().toMinutes() + " min: " + types;
        String incidentId = incidents.nextId();
        ahead.put(line, new StormState(incidentId, now, seq));
        return new StormPlan(incidentId, true, earlier, summary);
    }

    /** Writes a batch inside its write; an incident that grew is rewritten once per batch, not once per member. */
    private void applyAll(List<Planned> plans) {
        Map<String, Grown> grown = new java.util.LinkedHashMap<>();
        List<AuditTrail.Entry> records = new ArrayList<>(plans.size());
        for (Planned pl : plans) {
            apply(pl, grown);
            records.add(pl.audit != null ? pl.audit : auditEntry(pl));
        }
        grown.forEach((id, g) -> incidents.grow(id, g.added, g.at));
        audit.recordAll(records);
    }

    /**
     * The audit record of one alert, kept small (intake writes one per alert at well over a thousand a second): who
     * raised it and a summary of the decision, not the whole record (the alert itself has that). A repeat folded into
     * an open alert is recorded too, as {@code alert.repeat} on the alert it joined: it changes that alert (count, last
     * seen) and may come from another caller than the first, so leaving it out would hide who kept an alert alive.
     * Joining a storm incident is part of the new alert's summary ({@code incident}, {@code opensIncident}).
     */
    private AuditTrail.Entry auditEntry(Planned pl) {
        Principal who = pl.pending.raisedBy;
        if (pl.repeatOf != null) {
            ObjectNode after = JsonNodeFactory.instance.objectNode();
            after.put("occurrences", pl.result.occurrences());
            return new AuditTrail.Entry(who, "alert.repeat", "alert/" + pl.repeatOf, null, after);
        }
        AlertRecord rec = pl.record;
        Alert a = rec.alert();
        ObjectNode after = JsonNodeFactory.instance.objectNode();
        after.put("line", a.line()).put("station", a.station()).put("type", a.type()).put("state", rec.state().wire());
        Decision d = rec.decision();
        if (d != null) {
            after.put("ownerRole", d.ownerRole());
            if (d.assignee() != null && d.assignee().person() != null) {
                after.put("person", d.assignee().person());
            }
            after.put("ruleset", d.rulesetVersion());
            if (!d.flags().isEmpty()) {
                d.flags().stream().sorted().forEach(after.putArray("flags")::add);
            }
        }
        if (rec.suppressedBy() != null) {
            after.put("suppressedBy", rec.suppressedBy());
        }
        if (pl.storm != null) {
            after.put("incident", pl.storm.incidentId);
            if (pl.storm.opens) {
                after.put("opensIncident", true);
            }
        }
        return new AuditTrail.Entry(who, "alert.raise", "alert/" + rec.id(), null, after);
    }

    private static final class Grown {
        int added;
        Instant at;
    }

    /** Writes one planned alert. */
    private void apply(Planned pl, Map<String, Grown> grown) {
        if (pl.repeatOf != null) {
            AlertRecord counted = alerts.update(pl.repeatOf, r -> r.repeated(pl.at));
            pl.result = counted;
            pl.changed.add(counted);
            return;
        }
        AlertRecord rec = pl.record;
        if (pl.storm != null && pl.storm.opens) {
            List<String> members = new ArrayList<>(pl.storm.earlier);
            members.add(rec.id());
            incidents.open(pl.storm.incidentId, rec.alert().line(), members, pl.at, pl.storm.summary);
            for (String m : pl.storm.earlier) {
                alerts.find(m).filter(r -> r.incidentId() == null)
                        .ifPresent(r -> pl.changed.add(alerts.update(m, x -> x.inIncident(pl.storm.incidentId))));
            }
        } else if (pl.storm != null) {
            incidents.addMember(pl.storm.incidentId, rec.id());
            Grown g = grown.computeIfAbsent(pl.storm.incidentId, i -> new Grown());
            g.added++;
            g.at = pl.at;
        }
        alerts.insertDecided(rec);
        inputs.save(rec.id(), pl.inputs);
        index.persist(rec);
        if (pl.steps != null) {
            escalations.scheduleNew(pl.steps);
        }
        pl.result = rec;
        pl.changed.add(rec);
    }

    private void validate(Alert alert) {
        List<Problem> problems = new ArrayList<>();
        if (alert == null) {
            throw new InvalidInputException("(body)", "an alert is required");
        }
        if (alert.id() != null) {
            problems.add(new Problem("id", "is given by Andon; a new alert has none"));
        }
        if (alert.source() == null || alert.source().isBlank()) {
            problems.add(new Problem("source", "is required"));
        }
        if (alert.line() == null || plant.line(alert.line()).isEmpty()) {
            problems.add(new Problem("line", "unknown line '" + alert.line() + "'"));
        } else if (alert.station() == null || plant.line(alert.line()).get().station(alert.station()).isEmpty()) {
            problems.add(new Problem("station", "unknown station '" + alert.station() + "' on line '" + alert.line() + "'"));
        }
        if (alert.type() == null || plant.alertType(alert.type()).isEmpty()) {
            problems.add(new Problem("type", "unknown alert type '" + alert.type() + "'"));
        }
        if (!(alert.confidence() >= 0 && alert.confidence() <= 1)) {
            problems.add(new Problem("confidence", "must be between 0 and 1; got " + alert.confidence()));
        }
        if (alert.severity() == null) {
            problems.add(new Problem("severity", "is required"));
        }
        if (alert.timestamp() == null || alert.receivedAt() == null) {
            problems.add(new Problem("timestamp", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static Suppression silenced(List<Silence> covering) {
        Silence first = covering.get(0);
        return new Suppression("silence:" + first.id(), "suppressed by " + first.describe(),
                covering.stream().map(Silence::id).toList());
    }

    private static String assignedNote(Decision d) {
        if (d.assignee() == null || d.assignee().person() == null) {
            return "runbook " + d.runbook() + ": nobody could be assigned, owner role " + d.ownerRole();
        }
        return "runbook " + d.runbook() + ": assigned to " + d.assignee().name() + " (" + d.assignee().role() + ", "
                + d.assignee().via() + ")";
    }

    /** Stops taking alerts, commits what is queued, then stops the thread. */
    @Override
    public void close() {
        running = false;
        try {
            deciderThread.join(TimeUnit.SECONDS.toMillis(10));
            committer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        replies.shutdown();
        try {
            replies.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An alert waiting for its commit. */
    private static final class Pending {
        final Alert alert;
        final Principal raisedBy;
        final CompletableFuture<AlertRecord> future = new CompletableFuture<>();

        Pending(Alert alert, Principal raisedBy) {
            this.alert = alert;
            this.raisedBy = raisedBy;
        }
    }

    /** A line's storm incident as batch {@code seq} leaves it (0: as committed). */
    private record StormState(String incidentId, Instant lastAlertAt, long seq) {
    }

    private record StormPlan(String incidentId, boolean opens, List<String> earlier, String summary) {
    }

    /** One alert decided, waiting to be written: a repeat of {@code repeatOf}, or a new {@code record}. */
    private static final class Planned {
        final Pending pending;
        final Instant at;
        final String repeatOf;
        final AlertRecord record;
        final DecisionInputsStore.Encoded inputs;
        final EscalationStore.NewSteps steps;
        final StormPlan storm;
        final List<AlertRecord> changed = new ArrayList<>();
        /** A new alert's audit entry, made when it was decided; a repeat's is made in the write (it counts). */
        AuditTrail.Entry audit;
        AlertRecord result;

        Planned(Pending pending, Instant at, String repeatOf, AlertRecord record, DecisionInputsStore.Encoded inputs,
                EscalationStore.NewSteps steps, StormPlan storm) {
            this.pending = pending;
            this.at = at;
            this.repeatOf = repeatOf;
            this.record = record;
            this.inputs = inputs;
            this.steps = steps;
            this.storm = storm;
        }
    }
}
