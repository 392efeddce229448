package dev.andon.core.production;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.store.AndonDatabase;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.HTreeMap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Line events keyed "line|time|sequence", so a shift of a line is one range scan. Events of the last
 * {@code memoryDays} are also kept decoded per line: OEE and handover drafts read whole shifts many times a minute,
 * and decoding each JSON value from the tree dominated their cost. Each append is one committed write; the
 * idempotency keys are stored with the events in the same commit.
 */
public final class LineEventStore {
    private final AndonDatabase db;
    private final ObjectMapper json;
    private final BTreeMap<String, String> events;
    private final HTreeMap<String, String> byKey;
    private final Atomic.Long seq;
    private final Map<String, ConcurrentSkipListMap<String, LineEvent>> recent = new ConcurrentHashMap<>();
    /** Events at or after this instant are all in {@link #recent}. */
    private final Instant memoryFrom;

    public LineEventStore(AndonDatabase db, ObjectMapper json, Instant now, Duration memory) {
        this.db = db;
        this.json = json;
        this.events = db.sortedStringMap("line-events");
        this.byKey = db.jsonMap("line-event-keys");
        this.seq = db.sequence("line-event-seq");
        this.memoryFrom = now.minus(memory);
        warmUp();
    }

    private void warmUp() {
        for (Map.Entry<String, String> e : events.entrySet()) {
            String k = e.getKey();
            int bar = k.indexOf('|');
            long millis = Long.parseLong(k.substring(bar + 1, bar + 14));
            if (millis >= memoryFrom.toEpochMilli()) {
                LineEvent ev = decode(e.getValue());
                lineMap(ev.line()).put(k, ev);
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
                String idKey = ev.line() + "|" + ev.key();
                LineEvent earlier = inBatch.get(idKey);
                if (earlier == null) {
                    String storedAt = byKey.get(idKey);
                    earlier = storedAt == null ? null : read(ev.line(), storedAt);
                }
                if (earlier != null) {
                    if (!earlier.sameFactAs(ev)) {
                        throw new InvalidInputException("events[" + i + "].key",
                                "'" + ev.key() + "' was already used for a different event on " + ev.line());
                    }
                    dup.add(ev);
                    continue;
                }
                String k = storageKey(ev.line(), ev.at(), seq.incrementAndGet());
                events.put(k, encode(ev));
                byKey.put(idKey, k);
                inBatch.put(idKey, ev);
                if (!ev.at().isBefore(memoryFrom)) {
                    ConcurrentSkipListMap<String, LineEvent> m = lineMap(ev.line());
                    m.put(k, ev);
                    db.onRollback(() -> m.remove(k));
                }
                added.add(ev);
            }
            return new Appended(added, dup);
        });
    }

    /** Events on {@code line} with {@code from <= at < to}, in time order. */
    public List<LineEvent> between(String line, Instant from, Instant to) {
        List<LineEvent> out = new ArrayList<>();
        String lo = line + "|" + pad(from.toEpochMilli());
        String hi = line + "|" + pad(to.toEpochMilli());
        if (!from.isBefore(memoryFrom)) {
            out.addAll(lineMap(line).subMap(lo, true, hi, false).values());
        } else {
            for (String text : events.subMap(lo, true, hi, false).values()) {
                out.add(decode(text));
            }
        }
        return out;
    }

    /**
     * The last state event of each station on {@code line} before {@code at}, looking back at most {@code lookback}:
     * what each station was doing when a shift began.
     */
    public Map<String, LineEvent> statesBefore(String line, Instant at, Duration lookback, int stations) {
        Map<String, LineEvent> out = new HashMap<>();
        String hi = line + "|" + pad(at.toEpochMilli());
        String lo = line + "|" + pad(at.minus(lookback).toEpochMilli());
        NavigableMap<String, ?> range = !at.minus(lookback).isBefore(memoryFrom)
                ? lineMap(line).subMap(lo, true, hi, false) : events.subMap(lo, true, hi, false);
        for (Object v : range.descendingMap().values()) {
            LineEvent ev = v instanceof LineEvent e ? e : decode((String) v);
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
        return events.sizeLong();
    }

    private LineEvent read(String line, String storageKey) {
        LineEvent ev = lineMap(line).get(storageKey);
        if (ev != null) {
            return ev;
        }
        String text = events.get(storageKey);
        return text == null ? null : decode(text);
    }

    private ConcurrentSkipListMap<String, LineEvent> lineMap(String line) {
        return recent.computeIfAbsent(line, l -> new ConcurrentSkipListMap<>());
    }

    private static String storageKey(String line, Instant at, long seq) {
        return line + "|" + pad(at.toEpochMilli()) + "|" + String.format("%012d", seq);
    }

    private static String pad(long millis) {
        return String.format("%013d", millis);
    }

    private String encode(LineEvent ev) {
        try {
            return json.writeValueAsString(ev);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("line event cannot be encoded", e);
        }
    }

    private LineEvent decode(String text) {
        try {
            return json.readValue(text, LineEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored line event cannot be decoded", e);
        }
    }
}
