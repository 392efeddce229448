package dev.andon.core.production;

import dev.andon.core.audit.AuditTrail;
import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.line.StationStatus;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one way line events come in: permission, validation, idempotent storage and the stations' current state, in
 * one commit; listeners hear about it afterwards (the live board, the SSE stream). Batches arriving while a commit
 * runs are committed together in the next one (a commit costs a disk sync), each answered only once it is on disk.
 */
public final class ProductionEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ProductionEvents.class);

    private final AndonDatabase db;
    private final LineEventReader reader;
    private final LineEventStore store;
    private final StationStatusStore stations;
    private final PermissionPolicy policy;
    private final AuditTrail audit;
    private final List<ProductionListener> listeners = new CopyOnWriteArrayList<>();
    private final Object queueLock = new Object();
    private List<Pending> queue = new ArrayList<>();
    private boolean committing;

    public ProductionEvents(AndonDatabase db, LineEventReader reader, LineEventStore store, StationStatusStore stations,
                            PermissionPolicy policy, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
        this.reader = reader;
        this.store = store;
        this.stations = stations;
        this.policy = policy;
    }

    public void addListener(ProductionListener l) {
        listeners.add(l);
    }

    public LineEventStore store() {
        return store;
    }

    /** Records a batch for {@code line} as {@code by}; all or nothing, retries counted once. */
    public BatchResult record(Principal by, String line, JsonNode body) {
        policy.require(by, Action.LINE_EVENTS_WRITE, line);
        List<LineEvent> events = reader.read(line, body, by.id());
        Pending mine = new Pending(by, line, events, new CompletableFuture<>());
        List<Pending> group = null;
        synchronized (queueLock) {
            queue.add(mine);
            if (!committing) {
                committing = true;
                group = takeQueue();
            }
        }
        // group commit: whoever finds no commit running commits everything queued meanwhile, then looks again
        while (group != null) {
            commit(group);
            synchronized (queueLock) {
                if (queue.isEmpty()) {
                    committing = false;
                    group = null;
                } else {
                    group = takeQueue();
                }
            }
        }
        Outcome out;
        try {
            out = mine.done().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        BatchResult result = new BatchResult(line, out.appended().added().size(), out.appended().duplicates().size(),
                out.appended().added().stream().map(LineEvent::key).toList(),
                out.appended().duplicates().stream().map(LineEvent::key).toList());
        for (ProductionListener l : listeners) {
            try {
                out.changed().forEach(l::stationChanged);
                l.recorded(result);
            } catch (RuntimeException e) {
                LOG.warn("production listener failed", e);
            }
        }
        return result;
    }

    private List<Pending> takeQueue() {
        List<Pending> g = queue;
        queue = new ArrayList<>();
        return g;
    }

    /**
     * One write for a group of batches. A batch refused for its own content (a reused key) is refused alone: the
     * check happens before it changes anything, so the others still commit.
     */
    private void commit(List<Pending> group) {
        Map<Pending, Outcome> done = new LinkedHashMap<>();
        Map<Pending, RuntimeException> refused = new LinkedHashMap<>();
        try {
            db.write(() -> {
                done.clear();
                refused.clear();
                for (Pending p : group) {
                    try {
                        LineEventStore.Appended a = store.append(p.events());
                        Outcome o = new Outcome(a, updateStations(a));
                        done.put(p, o);
                        audited(p, o);
                    } catch (dev.andon.core.error.InvalidInputException e) {
                        refused.put(p, e);
                    }
                }
            });
        } catch (RuntimeException e) {
            group.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        done.forEach((p, o) -> p.done().complete(o));
        refused.forEach((p, e) -> p.done().completeExceptionally(e));
    }

    private List<StationStatus> updateStations(LineEventStore.Appended a) {
        List<StationStatus> changed = new ArrayList<>();
        Map<String, LineEvent> latest = new LinkedHashMap<>();
        for (LineEvent ev : a.added()) {
            if (ev.isState()) {
                latest.merge(ev.line() + "/" + ev.station(), ev, (x, y) -> y.at().isBefore(x.at()) ? x : y);
            }
        }
        for (LineEvent ev : latest.values()) {
            StationStatus now = stations.get(ev.line(), ev.station());
            // a late event for an earlier moment must not overwrite a newer state
            if (now.since() == null || !ev.at().isBefore(now.since())) {
                changed.add(stations.save(new StationStatus(ev.line(), ev.station(), ev.state(), ev.reason(), ev.at(),
                        ev.reportedBy())));
            }
        }
        return changed;
    }

    /**
     * One record per batch that changed something (not per count: a machine posting every few seconds would bury
     * the trail), naming the stations whose state it moved, in the batch's own commit.
     */
    private void audited(Pending p, Outcome o) {
        if (o.appended().added().isEmpty()) {
            return;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("added", o.appended().added().size());
        after.put("duplicates", o.appended().duplicates().size());
        after.put("stations", o.changed().stream().map(s -> s.station() + "=" + s.state().wire()).toList());
        audit.record(p.by(), "line.events", "line/" + p.line(), null, after);
    }

    private record Pending(Principal by, String line, List<LineEvent> events, CompletableFuture<Outcome> done) {
    }

    private record Outcome(LineEventStore.Appended appended, List<StationStatus> changed) {
    }
}
