package dev.andon.core.store;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.HTreeMap;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key-only indexes of the stored alerts, written in the commit that stores each new alert: a line's alert ids, and
 * for each line, station and type the time each alert was received. A line's listing or shift summary then reads
 * that line's records only, and "how often did this come back on this station" counts keys without reading a record.
 * Keys are numbers ({@code ordinal << 43 | id}, ordinals from a small persistent dictionary): string keys cost the
 * committing thread about a fifth of its intake rate, numbers are cheaper to place in a tree.
 */
final class AlertIndexes {
    private static final int ID_BITS = 43;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    /** Ids are handed out in about the order alerts arrive; a count stops this far behind the time asked for. */
    private static final long ARRIVAL_SLACK_MILLIS = 60_000;
    private static final String BUILT = "alert-indexes-built";

    private final AndonDatabase db;
    private final NavigableSet<Long> byLine;
    private final BTreeMap<Long, Long> bySubject;
    private final HTreeMap<String, String> dictionary;
    private final Atomic.Long lastOrdinal;
    private final Map<String, Long> ordinals = new ConcurrentHashMap<>();

    AlertIndexes(AndonDatabase db) {
        this.db = db;
        this.byLine = db.longSet("alert-ids-by-line");
        this.bySubject = db.longMap("alert-times-by-subject");
        this.dictionary = db.jsonMap("alert-index-ordinals");
        this.lastOrdinal = db.sequence("alert-index-last-ordinal");
        dictionary.forEach((name, ordinal) -> ordinals.put(name, Long.parseLong(ordinal)));
    }

    /** Whether every stored alert is indexed (false for a store written before the indexes existed). */
    boolean complete() {
        return dictionary.containsKey(BUILT);
    }

    /** Empties the indexes before they are built from the records; inside a write. */
    void clear() {
        byLine.clear();
        bySubject.clear();
    }

    /** Marks the indexes as complete; inside the write that adds the last records. */
    void markComplete() {
        dictionary.put(BUILT, "0");
    }

    /** Indexes a newly stored alert; inside its write. */
    void add(AlertRecord r) {
        Alert a = r.alert();
        long id = Long.parseLong(r.id());
        byLine.add(ordinalFor("line\u0000" + a.line()) << ID_BITS | id);
        bySubject.put(ordinalFor(subject(a.line(), a.station(), a.type())) << ID_BITS | id,
                a.receivedAt() == null ? 0 : a.receivedAt().toEpochMilli());
    }

    /** How many alerts of {@code type} on {@code station} of {@code line} arrived since {@code since}. */
    int countSince(String line, String station, String type, Instant since) {
        Long ordinal = ordinals.get(subject(line, station, type));
        if (ordinal == null) {
            return 0;
        }
        long from = since.toEpochMilli();
        int n = 0;
        for (long received : bySubject.subMap(ordinal << ID_BITS, true, (ordinal + 1) << ID_BITS, false).descendingMap().values()) {
            if (received >= from) {
                n++;
            } else if (received < from - ARRIVAL_SLACK_MILLIS) {
                break;
            }
        }
        return n;
    }

    /** Ids of {@code line}'s alerts below {@code before}, newest first. */
    Iterable<Long> idsOnLine(String line, long before) {
        Long ordinal = ordinals.get("line\u0000" + line);
        if (ordinal == null) {
            return java.util.List.of();
        }
        long base = ordinal << ID_BITS;
        NavigableSet<Long> keys = byLine.subSet(base, true, base | Math.min(Math.max(0, before), ID_MASK), false).descendingSet();
        return () -> keys.stream().map(k -> k & ID_MASK).iterator();
    }

    private static String subject(String line, String station, String type) {
        return "subject\u0000" + line + '\u0000' + station + '\u0000' + type;
    }

    /** The ordinal of a name, given one (persisted in the caller's write) when it has none yet. */
    private long ordinalFor(String name) {
        Long known = ordinals.get(name);
        if (known != null) {
            return known;
        }
        long ordinal = lastOrdinal.incrementAndGet();
        dictionary.put(name, Long.toString(ordinal));
        ordinals.put(name, ordinal);
        db.onRollback(() -> ordinals.remove(name, ordinal));
        return ordinal;
    }
}
