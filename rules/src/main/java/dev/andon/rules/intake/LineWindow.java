package dev.andon.rules.intake;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.rules.decision.HistoryCounts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recent alerts of one line, oldest first, with running counts over the history window, so history, flapping
 * and storm questions cost the same for the 50,000th alert of a storm as for the first. Holds at most {@code cap}
 * alerts and nothing older than {@code lookBack}. Not thread-safe: {@link IntakeIndex} guards it.
 */
final class LineWindow {
    /** One alert as the window needs it; {@code state} follows the committed record. */
    static final class Entry {
        final long id;
        final long pos;
        final Instant receivedAt;
        final String station;
        final String type;
        final String fingerprint;
        AlertState state;

        Entry(long id, long pos, Instant receivedAt, String station, String type, String fingerprint, AlertState state) {
            this.id = id;
            this.pos = pos;
            this.receivedAt = receivedAt;
            this.station = station;
            this.type = type;
            this.fingerprint = fingerprint;
            this.state = state;
        }
    }

    private final Duration lookBack;
    private final Duration historyWindow;
    private final int cap;
    private final ArrayList<Entry> entries = new ArrayList<>();
    private final Map<Long, Entry> byId = new HashMap<>();
    private final Map<String, ArrayDeque<Entry>> byFingerprint = new HashMap<>();
    /** Absolute positions: entries.get(i) has pos base + i; [headPos, end) is kept, [histPos, end) is counted. */
    private long base;
    private long headPos;
    private long histPos;
    private long nextPos;
    private int total;
    private int open;
    private final Map<String, Integer> byStation = new HashMap<>();
    private final Map<String, Integer> byStationType = new HashMap<>();

    LineWindow(Duration lookBack, Duration historyWindow, int cap) {
        this.lookBack = lookBack;
        this.historyWindow = historyWindow;
        this.cap = cap;
    }

    /** An alert as the window reads it: what a rebuild holds per alert instead of the whole record. */
    record Seen(long id, Instant receivedAt, String station, String type, String fingerprint, AlertState state) {
        static Seen of(AlertRecord r) {
            return new Seen(Long.parseLong(r.id()), r.alert().receivedAt(), r.alert().station(), r.alert().type(),
                    r.alert().fingerprint(), r.state());
        }
    }

    /** Adds a new alert (ids arrive in increasing order) or follows a known one's state. */
    void upsert(AlertRecord r) {
        upsert(Seen.of(r));
    }

    void upsert(Seen s) {
        long id = s.id();
        AlertState state = s.state();
        Entry known = byId.get(id);
        if (known != null) {
            if (known.pos >= histPos && known.state.isOpen() != state.isOpen()) {
                open += state.isOpen() ? 1 : -1;
            }
            known.state = state;
            return;
        }
        if (!entries.isEmpty() && id < entries.get(entries.size() - 1).id) {
            return; // an older alert that already left the window
        }
        Entry e = new Entry(id, nextPos++, s.receivedAt(), s.station(), s.type(), s.fingerprint(), state);
        entries.add(e);
        byId.put(id, e);
        byFingerprint.computeIfAbsent(e.fingerprint, f -> new ArrayDeque<>()).addLast(e);
        count(e, 1);
    }

    HistoryCounts history(String station, String type, Instant now) {
        advance(now);
        return new HistoryCounts((int) historyWindow.toMinutes(), byStation.getOrDefault(station, 0),
                byStationType.getOrDefault(station + "|" + type, 0), total, open);
    }

    /** Closed alerts with this fingerprint received within {@code window}: each opened and closed again. */
    int closedWithFingerprint(String fingerprint, Instant now, Duration window) {
        advance(now);
        Instant since = now.minus(window);
        int n = 0;
        ArrayDeque<Entry> same = byFingerprint.get(fingerprint);
        if (same != null) {
            for (Entry e : same) {
                if (!e.receivedAt.isBefore(since) && e.state.isClosed()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Alerts within {@code window} that count toward a storm (not suppressed), oldest first. */
    List<Entry> stormCandidates(Instant now, Duration window) {
        advance(now);
        Instant since = now.minus(window);
        List<Entry> out = new ArrayList<>();
        for (int i = entries.size() - 1; i >= (int) (headPos - base); i--) {
            Entry e = entries.get(i);
            if (e.receivedAt.isBefore(since)) {
                break;
            }
            if (e.state != AlertState.SUPPRESSED) {
                out.add(e);
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private void advance(Instant now) {
        Instant histSince = now.minus(historyWindow);
        Instant keepSince = now.minus(lookBack);
        while (histPos < nextPos && at(histPos).receivedAt.isBefore(histSince)) {
            count(at(histPos), -1);
            histPos++;
        }
        while (headPos < nextPos && (at(headPos).receivedAt.isBefore(keepSince) || nextPos - headPos > cap)) {
            Entry e = at(headPos);
            if (headPos >= histPos) {
                count(e, -1);
                histPos = headPos + 1;
            }
            byId.remove(e.id);
            ArrayDeque<Entry> same = byFingerprint.get(e.fingerprint);
            if (same != null) {
                same.remove(e);
                if (same.isEmpty()) {
                    byFingerprint.remove(e.fingerprint);
                }
            }
            entries.set((int) (headPos - base), null);
            headPos++;
        }
        int dead = (int) (headPos - base);
        if (dead > 1024 && dead > entries.size() / 2) {
            entries.subList(0, dead).clear();
            base = headPos;
        }
    }

    private Entry at(long pos) {
        return entries.get((int) (pos - base));
    }

    private void count(Entry e, int d) {
        total += d;
        if (e.state.isOpen()) {
            open += d;
        }
        byStation.merge(e.station, d, Integer::sum);
        byStationType.merge(e.station + "|" + e.type, d, Integer::sum);
    }
}
