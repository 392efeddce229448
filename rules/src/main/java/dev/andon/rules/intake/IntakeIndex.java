package dev.andon.rules.intake;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.rules.decision.HistoryCounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What intake asks about alerts already received, answered from memory: the open or suppressed alert an incoming one
 * repeats (dedup), and each line's recent alerts (history counts, flapping, storms). Rebuilt from the store at start;
 * kept in step with every committed change (the store tells it) and, ahead of the commit, with the alerts of the
 * batch being decided, so an alert sees the ones queued before it. If a batch fails to commit, {@link #rebuild} drops
 * what was never written.
 */
final class IntakeIndex {
    /** The newest open or suppressed alert of a fingerprint. */
    private record Latest(long id, AlertState state, Instant lastSeenAt) {
    }

    /** Per line, the window keeps at most this many alerts (the old intake read the same 10,000). */
    static final int WINDOW_CAP = 10_000;

    private final Plant plant;
    private final AlertStore alerts;
    private final NoiseSettings noise;
    private final Clock clock;
    /** Suppressed alerts are not in the store's open index; this persisted map lets a restart find them for dedup. */
    private final Map<String, String> suppressedByFingerprint;
    private final Map<String, Latest> byFingerprint = new HashMap<>();
    private final Map<String, LineWindow> lines = new HashMap<>();

    IntakeIndex(AndonDatabase db, Plant plant, AlertStore alerts, NoiseSettings noise, Clock clock) {
        this.plant = plant;
        this.alerts = alerts;
        this.noise = noise;
        this.clock = clock;
        this.suppressedByFingerprint = db.jsonMap("rules-suppressed-by-fingerprint");
        rebuild();
        alerts.onCommitted(this::follow);
    }

    /**
     * Reads each line's recent alerts, the open ones and the suppressed ones by fingerprint from the store, in one
     * pass from the newest back: records the pass visited are not read again, so each is decoded at most once.
     */
    synchronized void rebuild() {
        byFingerprint.clear();
        lines.clear();
        Instant since = clock.instant().minus(noise.lookBack());
        // What each window keeps, not the records: 100,000 decoded records would not fit a 512 MB heap.
        Map<String, List<LineWindow.Seen>> recent = new HashMap<>();
        plant.lines().forEach(l -> recent.put(l.id(), new ArrayList<>()));
        int[] unfilled = {recent.size()};
        long[] lowestVisited = {Long.MAX_VALUE};
        alerts.forEachSince(since, r -> {
            LineWindow.Seen seen = LineWindow.Seen.of(r);
            lowestVisited[0] = seen.id();
            remember(r);
            List<LineWindow.Seen> l = recent.get(r.alert().line());
            if (l != null && l.size() < WINDOW_CAP) {
                l.add(seen);
                if (l.size() == WINDOW_CAP) {
                    unfilled[0]--;
                }
            }
            return unfilled[0] > 0;
        });
        recent.forEach((line, list) -> {
            LineWindow w = window(line);
            for (int i = list.size() - 1; i >= 0; i--) {
                w.upsert(list.get(i));
            }
        });
        // Open and suppressed alerts older than what the pass reached (older than the look-back, or behind full windows).
        for (String id : suppressedByFingerprint.values()) {
            if (Long.parseLong(id) < lowestVisited[0]) {
                alerts.find(id).ifPresent(this::remember);
            }
        }
        for (String id : alerts.openIds(null, null, Integer.MAX_VALUE)) {
            if (Long.parseLong(id) < lowestVisited[0]) {
                alerts.find(id).ifPresent(this::remember);
            }
        }
    }

    /** Records the persisted part of the index for a new alert; call inside the intake write. */
    void persist(AlertRecord rec) {
        if (rec.state() == AlertState.SUPPRESSED) {
            suppressedByFingerprint.put(rec.alert().fingerprint(), rec.id());
        }
    }

    /** The id of the alert {@code alert} repeats: same fingerprint, open or suppressed, seen since {@code since}. */
    synchronized Optional<String> repeatOf(Alert alert, Instant since) {
        Latest l = byFingerprint.get(alert.fingerprint());
        if (l == null || l.lastSeenAt().isBefore(since)) {
            return Optional.empty();
        }
        return Optional.of(Long.toString(l.id()));
    }

    /** A repeat was counted (ahead of its commit): later repeats measure the window from now. */
    synchronized void seenAgain(String fingerprint, Instant at) {
        byFingerprint.computeIfPresent(fingerprint, (f, l) -> new Latest(l.id(), l.state(), at));
    }

    synchronized HistoryCounts history(Alert alert, Instant now) {
        return window(alert.line()).history(alert.station(), alert.type(), now);
    }

    synchronized int closedWithFingerprint(Alert alert, Instant now) {
        return window(alert.line()).closedWithFingerprint(alert.fingerprint(), now, noise.flapWindow());
    }

    synchronized List<LineWindow.Entry> stormCandidates(String line, Instant now) {
        return window(line).stormCandidates(now, noise.stormWindow());
    }

    /** A new record decided by intake (ahead of its commit) or any committed change. */
    synchronized void follow(AlertRecord r) {
        window(r.alert().line()).upsert(r);
        remember(r);
    }

    private void remember(AlertRecord r) {
        String fp = r.alert().fingerprint();
        long id = Long.parseLong(r.id());
        Latest l = byFingerprint.get(fp);
        if (r.state().isOpen() || r.state() == AlertState.SUPPRESSED) {
            if (l == null || l.id() <= id) {
                Instant seen = l != null && l.id() == id && l.lastSeenAt().isAfter(r.lastSeenAt()) ? l.lastSeenAt() : r.lastSeenAt();
                byFingerprint.put(fp, new Latest(id, r.state(), seen));
            }
        } else if (l != null && l.id() == id) {
            byFingerprint.remove(fp);
        }
    }

    private LineWindow window(String line) {
        return lines.computeIfAbsent(line, l -> new LineWindow(noise.lookBack(), noise.historyWindow(), WINDOW_CAP));
    }

    static Duration dedupWindow(NoiseSettings noise) {
        return noise.dedupWindow();
    }
}
