package dev.andon.core.production;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.store.AndonDatabase;
import org.mapdb.Atomic;
import org.mapdb.HTreeMap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Line events, stored one accepted batch per record: a batch of a thousand events is one MapDB write instead of a
 * thousand tree updates (each of which rewrote a whole tree node into the write-ahead log and made ingest cost
 * milliseconds per event). Events of the last {@code memory} are kept decoded per line, keyed "line|time|seq", so a
 * shift is one in-memory range; idempotency keys are checked against the same window, which is wider than the time
 * an event may still be accepted for (the current shift). Older ranges are read by scanning the stored batches.
 */
public final class LineEventStore {
    private static final TypeReference<List<LineEvent>> BATCH = new TypeReference<>() {
    };

    private final AndonDatabase db;
    private final ObjectMapper json;
    private final HTreeMap<String, String> batches;
    private final Atomic.Long batchSeq;
    private final Map<String, ConcurrentSkipListMap<String, LineEvent>> recent = new ConcurrentHashMap<>();
    private final Map<String, LineEvent> byKey = new ConcurrentHashMap<>();
    private final Instant memoryFrom;

    public LineEventStore(AndonDatabase db, ObjectMapper json, Instant now, Duration memory) {
        this.db = db;
        this.json = json;
        this.batches = db.jsonMap("line-event-batches");
        this.batchSeq = db.sequence("line-event-batch-seq");
        this.memoryFrom = now.minus(memory);
        warmUp();
    }

    /** Newest batches first, until a batch lies wholly a day before the window (batches arrive roughly in time order). */
    private void warmUp() {
        Instant stop = memoryFrom.minus(Duration.ofDays(1));
        for (long b = batchSeq.get(); b >= 1; b--) {
            List<LineEvent> events = decode(batches.get(batchKey(b)));
            boolean any = false;
            for (int i = 0; i < events.size(); i++) {
                LineEvent ev = events.get(i);
                any |= !ev.at().isBefore(stop);
                if (!ev.at().isBefore(memoryFrom)) {
                    remember(ev, b, i);
                }
            }
            if (!any && !events.isEmpty()) {
                break;
            }
        }
    }

    /** The outcome of one append: which events were new and which were retries of stored ones. */
    public record Appended(List<LineEvent> added, List<LineEvent> duplicates) {
    }

    /**
     * Stores the events not stored before, all or nothing. An idempotency key already used on the line for the same
     * fact is a retry (skipped); for a different fact it is refused, and then nothing of the batch is stored.
     */
    public Appended append(List<LineEvent> batch) {
        return db.write(() -> {
            List<LineEvent> added = new ArrayList<>();
            List<LineEvent> dup = new ArrayList<>();
            Map<String, LineEvent> inBatch = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                LineEvent ev = batch.get(i);
                String idKey = idKey(ev);
                LineEvent earlier = inBatch.containsKey(idKey) ? inBatch.get(idKey) : byKey.get(idKey);
                if (earlier != null) {
                    if (!earlier.sameFactAs(ev)) {
                        throw new InvalidInputException("events[" + i + "].key",
                                "'" + ev.key() + "' was already used for a different event on " + ev.line());
                    }
                    dup.add(ev);
                } else {
                    inBatch.put(idKey, ev);
                    added.add(ev);
                }
            }
            if (added.isEmpty()) {
                return new Appended(added, dup);
            }
            long b = batchSeq.incrementAndGet();
            batches.put(batchKey(b), encode(added));
            List<String> undo = new ArrayList<>();
            for (int i = 0; i < added.size(); i++) {
                undo.add(remember(added.get(i), b, i));
            }
            db.onRollback(() -> {
                for (int i = 0; i < added.size(); i++) {
                    LineEvent ev = added.get(i);
                    byKey.remove(idKey(ev));
                    if (undo.get(i) != null) {
                        lineMap(ev.line()).remove(undo.get(i));
                    }
                }
            });
            return new Appended(added, dup);
        });
    }

    private String remember(LineEvent ev, long batch, int index) {
        byKey.put(idKey(ev), ev);
        if (ev.at().isBefore(memoryFrom)) {
            return null;
        }
        String k = ev.line() + "|" + pad(ev.at().toEpochMilli()) + "|" + batch + "." + index;
        lineMap(ev.line()).put(k, ev);
        return k;
    }

    /** Events on {@code line} with {@code from <= at < to}, in time order. */
    public List<LineEvent> between(String line, Instant from, Instant to) {
        return new ArrayList<>(range(line, from, to).values());
    }

    /**
     * The last state event of each station on {@code line} before {@code at}, looking back at most {@code lookback}:
     * what each station was doing when a shift began.
     */
    public Map<String, LineEvent> statesBefore(String line, Instant at, Duration lookback, int stations) {
        Map<String, LineEvent> out = new HashMap<>();
        for (LineEvent ev : range(line, at.minus(lookback), at).descendingMap().values()) {
            if (ev.isState()) {
                out.putIfAbsent(ev.station(), ev);
                if (out.size() >= stations) {
                    break;
                }
            }
        }
        return out;
    }

    public long count() {
        long n = 0;
        for (long b = 1; b <= batchSeq.get(); b++) {
            n += decode(batches.get(batchKey(b))).size();
        }
        return n;
    }

    private NavigableMap<String, LineEvent> range(String line, Instant from, Instant to) {
        String lo = line + "|" + pad(from.toEpochMilli());
        String hi = line + "|" + pad(to.toEpochMilli());
        if (!from.isBefore(memoryFrom)) {
            return lineMap(line).subMap(lo, true, hi, false);
        }
        // before the in-memory window: read every stored batch (rare: reports and ranges of past months)
        TreeMap<String, LineEvent> out = new TreeMap<>();
        for (long b = 1; b <= batchSeq.get(); b++) {
            List<LineEvent> events = decode(batches.get(batchKey(b)));
            for (int i = 0; i < events.size(); i++) {
                LineEvent ev = events.get(i);
                String k = ev.line() + "|" + pad(ev.at().toEpochMilli()) + "|" + b + "." + i;
                if (ev.line().equals(line) && k.compareTo(lo) >= 0 && k.compareTo(hi) < 0) {
                    out.put(k, ev);
                }
            }
        }
        return out;
    }

    private ConcurrentSkipListMap<String, LineEvent> lineMap(String line) {
        return recent.computeIfAbsent(line, l -> new ConcurrentSkipListMap<>());
    }

    private static String idKey(LineEvent ev) {
        return ev.line() + "|" + ev.key();
    }

    private static String batchKey(long b) {
        return Long.toString(b);
    }

    private static String pad(long millis) {
        String s = Long.toString(millis);
        return "0".repeat(Math.max(0, 13 - s.length())) + s;
    }

    private String encode(List<LineEvent> events) {
        try {
            return json.writeValueAsString(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("line events cannot be encoded", e);
        }
    }

    private List<LineEvent> decode(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, BATCH);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored line events cannot be decoded", e);
        }
    }
}
