package dev.andon.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.NotFoundException;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.HTreeMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Alerts with their decisions and lifecycle, keyed by a sequential id ("42") so people can say "alert 42".
 * Each method that changes something is one committed write. Open alerts are indexed by line on disk, and the most
 * recent records are kept decoded in memory: intake, line status and the assistant read them on every request, and
 * decoding JSON for each one dominated their cost.
 */
public final class AlertStore {
    private final AndonDatabase db;
    private final ObjectMapper json;
    private final RecordMap<AlertRecord> alerts;
    private final JsonValueSerializer<AlertRecord> codec;
    private final HTreeMap<String, String> openByFingerprint;
    private final BTreeMap<Long, String> openLineById;
    private final Atomic.Long ids;
    private final AlertIndexes indexes;
    /**
     * The newest records, decoded: every stored id from {@code windowLow} up is in here, so recent history is listed
     * without touching the file (iterating MapDB's tree deserialises each JSON value, which dominated intake).
     */
    private final ConcurrentSkipListMap<Long, AlertRecord> recent = new ConcurrentSkipListMap<>();
    private volatile long windowLow = Long.MAX_VALUE;
    private final java.util.concurrent.atomic.AtomicInteger recentCount = new java.util.concurrent.atomic.AtomicInteger();
    private final int cachedRecords;
    /** Every open alert's line and station by id, newest last: line status counts and open listings read it. */
    private final ConcurrentSkipListMap<Long, OpenRef> open = new ConcurrentSkipListMap<>();
    /** The next id to hand out; ahead of the persisted sequence while a write is in flight (a failed write leaves a gap). */
    private final AtomicLong nextId;
    private final List<Consumer<AlertRecord>> committed = new CopyOnWriteArrayList<>();

    /** Where an open alert is: enough to count and filter without decoding the record. */
    public record OpenRef(String line, String station) {
    }

    public AlertStore(AndonDatabase db, ObjectMapper json) {
        this(db, json, DEFAULT_CACHED_RECORDS);
    }

    /**
     * Decoded records kept in memory: about 4–5 KB of heap each, so 20,000 is roughly 100 MB; enough for the recent
     * history intake, listings and the assistant read.
     */
    public static final int DEFAULT_CACHED_RECORDS = 20_000;

    public AlertStore(AndonDatabase db, ObjectMapper json, int cachedRecords) {
        this.db = db;
        this.json = json;
        this.cachedRecords = cachedRecords;
        this.codec = new JsonValueSerializer<>(json, AlertRecord.class);
        this.alerts = db.recordMap("alert-record-places", codec);
        migrateLegacy(db);
        migrateTreeRecords(db);
        this.openByFingerprint = db.jsonMap("alerts-open-by-fingerprint");
        this.openLineById = db.orderedJsonMap("alerts-open-line-by-id");
        this.ids = db.sequence("alert-ids");
        this.nextId = new AtomicLong(ids.get());
        this.indexes = new AlertIndexes(db);
        indexOnce();
        warmUp();
        loadOpen();
    }

    private void loadOpen() {
        for (Map.Entry<Long, String> e : openLineById.entrySet()) {
            String v = e.getValue();
            int slash = v.indexOf('/');
            if (slash >= 0) {
                open.put(e.getKey(), new OpenRef(v.substring(0, slash), v.substring(slash + 1)));
            } else {
                // written before the station was kept in the index: read it from the record once
                AlertRecord r = record(e.getKey());
                if (r != null) {
                    open.put(e.getKey(), new OpenRef(r.alert().line(), r.alert().station()));
                }
            }
        }
    }

    /** Reserves the next alert id (never handed out twice in this process; persisted when a record with it commits). */
    public String nextId() {
        return Long.toString(nextId.incrementAndGet());
    }

    /**
     * Encodes a record that {@link #insertDecided} will store, on the caller's thread: intake decides (and encodes)
     * the next batch while the current one is committed, so the committing thread only copies the bytes.
     */
    public void encodeAhead(AlertRecord rec) {
        codec.encodeAhead(rec);
    }

    /**
     * Stores a record whose id came from {@link #nextId}; joins the caller's write (one commit for a whole intake
     * batch).
     */
    public AlertRecord insertDecided(AlertRecord rec) {
        return db.write(() -> {
            long id = Long.parseLong(rec.id());
            if (id > ids.get()) {
                ids.set(id);
            }
            put(rec, true);
            return rec;
        });
    }

    /** Called with every record after the write that changed it commits, in commit order (in-memory indexes). */
    public void onCommitted(Consumer<AlertRecord> listener) {
        committed.add(listener);
    }

    /** Open alerts by station for one line (null line: every line), from memory. */
    public Map<String, Integer> openCountByStation(String line) {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (OpenRef r : open.values()) {
            if (line == null || line.equals(r.line())) {
                out.merge(r.station(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** Ids of open alerts, newest first, on a line/station (null = any), from memory. */
    public List<String> openIds(String line, String station, int limit) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Long, OpenRef> e : open.descendingMap().entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            OpenRef r = e.getValue();
            if ((line == null || line.equals(r.line())) && (station == null || station.equals(r.station()))) {
                out.add(Long.toString(e.getKey()));
            }
        }
        return out;
    }

    /** Alerts were once kept as JSON text inside the tree nodes ("alerts"): moved to the record map once. */
    private void migrateLegacy(AndonDatabase db) {
        if (db.exists("alerts")) {
            moveOnce(db.orderedJsonMap("alerts"), this::decode);
        }
    }

    /** Alerts were then kept as values of a tree map ("alert-records"), whose every update decoded the old record. */
    private void migrateTreeRecords(AndonDatabase db) {
        if (db.exists("alert-records")) {
            moveOnce(db.records("alert-records", codec), r -> r);
        }
    }

    /** Moves every record of an earlier layout to the record map, a few thousand per commit, emptying the old map. */
    private <T> void moveOnce(BTreeMap<Long, T> earlier, java.util.function.Function<T, AlertRecord> asRecord) {
        while (!earlier.isEmpty()) {
            db.write(() -> {
                List<Long> moved = new ArrayList<>();
                for (Map.Entry<Long, T> e : earlier.entrySet()) {
                    if (moved.size() >= 2_000) {
                        break;
                    }
                    alerts.put(e.getKey(), asRecord.apply(e.getValue()));
                    moved.add(e.getKey());
                }
                moved.forEach(earlier::remove);
            });
        }
    }

    /**
     * Stores written before the line and subject indexes existed get them once, a few thousand records per commit; a
     * start that stops half way builds them again from the beginning (completion is marked last).
     */
    private void indexOnce() {
        if (indexes.complete()) {
            return;
        }
        db.write(indexes::clear);
        List<AlertRecord> batch = new ArrayList<>();
        for (Map.Entry<Long, AlertRecord> e : alerts.descendingBelow(Long.MAX_VALUE)) {
            batch.add(e.getValue());
            if (batch.size() >= 2_000) {
                List<AlertRecord> records = List.copyOf(batch);
                db.write(() -> records.forEach(indexes::add));
                batch.clear();
            }
        }
        db.write(() -> {
            batch.forEach(indexes::add);
            indexes.markComplete();
        });
    }

    /**
     * How many alerts of {@code type} on {@code station} of {@code line} were received since {@code since}, from the
     * index (no record is read).
     */
    public int countSince(String line, String station, String type, Instant since) {
        return indexes.countSince(line, station, type, since);
    }

    private void warmUp() {
        long low = Long.MAX_VALUE;
        for (Map.Entry<Long, AlertRecord> e : alerts.descendingBelow(Long.MAX_VALUE)) {
            if (recentCount.get() >= cachedRecords) {
                break;
            }
            if (recent.put(e.getKey(), e.getValue()) == null) {
                recentCount.incrementAndGet();
            }
            low = e.getKey();
        }
        windowLow = recent.isEmpty() ? 1 : low;
    }

    /** Gives the alert the next id and stores it as received; committed when this returns. */
    public AlertRecord insert(Alert alert, UnaryOperator<AlertRecord> beforeCommit) {
        return db.write(() -> {
            long id = nextId.incrementAndGet();
            db.onRollback(() -> nextId.compareAndSet(id, id - 1));
            if (id > ids.get()) {
                ids.set(id);
            }
            Alert withId = new Alert(Long.toString(id), alert.source(), alert.modelVersion(), alert.line(),
                    alert.station(), alert.type(), alert.severity(), alert.confidence(), alert.timestamp(),
                    alert.receivedAt(), alert.payload());
            AlertRecord rec = beforeCommit.apply(AlertRecord.received(withId));
            put(rec, true);
            return rec;
        });
    }

    /** Replaces a stored record (same id). */
    public AlertRecord save(AlertRecord rec) {
        return db.write(() -> {
            put(rec, false);
            return rec;
        });
    }

    /** Applies {@code change} to the current record atomically with respect to other writers. */
    public AlertRecord update(String id, UnaryOperator<AlertRecord> change) {
        return db.write(() -> {
            AlertRecord next = change.apply(get(id));
            put(next, false);
            return next;
        });
    }

    /** Moves an alert through its lifecycle, refusing illegal transitions with {@link ConflictException}. */
    public AlertRecord transition(String id, AlertState to, String actor, String note, Instant at) {
        return update(id, rec -> {
            if (!rec.state().canMoveTo(to)) {
                throw new ConflictException("alert " + id + " is " + rec.state().wire() + " and cannot become " + to.wire());
            }
            return rec.movedTo(to, actor, at, note);
        });
    }

    public Optional<AlertRecord> find(String id) {
        Long key = key(id);
        if (key == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(record(key));
    }

    public AlertRecord get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("alert", id));
    }

    /** The open alert with this fingerprint, if any (for deduplication). */
    public Optional<AlertRecord> openWithFingerprint(String fingerprint) {
        return Optional.ofNullable(openByFingerprint.get(fingerprint)).flatMap(this::find)
                .filter(r -> r.state().isOpen());
    }

    /** Newest first, every match (for engines that need them all; people page with {@link #page}). */
    public List<AlertRecord> list(AlertQuery q) {
        return page(q, Integer.MAX_VALUE).alerts();
    }

    /**
     * One page of alerts, newest first. {@code next} is set when more may follow: the last id of a full page, or, when
     * {@code maxDecoded} records were read from the file before the page filled, the last id looked at — so a listing
     * whose filter matches little (a quiet line, a rare state) answers in bounded time and is continued with
     * {@code before=next} instead of decoding the whole history in one request.
     */
    public AlertPage page(AlertQuery q, int maxDecoded) {
        List<AlertRecord> out = new ArrayList<>();
        long before = q.beforeId() == null ? Long.MAX_VALUE : q.beforeId();
        int decoded = 0;
        if (q.openOnly()) {
            for (Map.Entry<Long, OpenRef> e : open.headMap(before, false).descendingMap().entrySet()) {
                if (out.size() >= q.limit()) {
                    return AlertPage.full(out);
                }
                OpenRef ref = e.getValue();
                if (q.line() != null && !q.line().equals(ref.line()) || q.station() != null && !q.station().equals(ref.station())) {
                    continue;
                }
                if (decoded >= maxDecoded) {
                    return new AlertPage(out, Long.toString(e.getKey() + 1));
                }
                AlertRecord r = recent.get(e.getKey());
                if (r == null) {
                    decoded++;
                    r = alerts.get(e.getKey());
                }
                if (r != null && matches(q, r)) {
                    out.add(r);
                }
            }
            return AlertPage.full(out).limitedTo(q.limit());
        }
        long low = windowLow;
        for (Map.Entry<Long, AlertRecord> e : q.line() == null ? newestFirst(before, low) : newestFirstOn(q.line(), before)) {
            if (out.size() >= q.limit()) {
                return AlertPage.full(out);
            }
            if (e.getKey() < low && decoded++ >= maxDecoded) {
                // read from the file but not used: the next page starts with it
                return new AlertPage(out, Long.toString(e.getKey() + 1));
            }
            AlertRecord r = e.getValue();
            if (q.since() != null && r.alert().receivedAt().isBefore(q.since())) {
                return new AlertPage(out, null);
            }
            if (matches(q, r)) {
                out.add(r);
            }
        }
        return AlertPage.full(out).limitedTo(q.limit());
    }

    /**
     * Every record received since {@code since}, newest first, each decoded at most once, until {@code visitor}
     * answers false. For readers that need several lines' history at once (intake's index at start): one
     * {@link #list} per line walks the same records again for every line, which on a plant with 20 lines and
     * 100,000 stored alerts took minutes.
     */
    public void forEachSince(Instant since, java.util.function.Predicate<AlertRecord> visitor) {
        for (Map.Entry<Long, AlertRecord> e : newestFirst(Long.MAX_VALUE, windowLow)) {
            AlertRecord r = e.getValue();
            if (r.alert().receivedAt().isBefore(since) || !visitor.test(r)) {
                return;
            }
        }
    }

    /**
     * Stored records with ids below {@code before}, newest first: those kept decoded (ids from {@code low} up), then
     * the older ones from the file, each decoded as the iteration reaches it.
     */
    private Iterable<Map.Entry<Long, AlertRecord>> newestFirst(long before, long low) {
        return () -> java.util.stream.Stream.concat(
                recent.subMap(low, true, Math.max(low, before), false).descendingMap().entrySet().stream(),
                java.util.stream.StreamSupport.stream(alerts.descendingBelow(Math.min(low, before)).spliterator(), false))
                .iterator();
    }

    /** Stored records of one line with ids below {@code before}, newest first, each read as the iteration reaches it. */
    private Iterable<Map.Entry<Long, AlertRecord>> newestFirstOn(String line, long before) {
        return () -> java.util.stream.StreamSupport.stream(indexes.idsOnLine(line, before).spliterator(), false)
                .map(id -> Map.entry(id, java.util.Objects.requireNonNullElseGet(record(id), () -> missing(id))))
                .iterator();
    }

    private static AlertRecord missing(long id) {
        throw new IllegalStateException("alert " + id + " is in the line index but not stored");
    }

    private static boolean matches(AlertQuery q, AlertRecord r) {
        if (q.since() != null && r.alert().receivedAt().isBefore(q.since())) {
            return false;
        }
        if (q.line() != null && !q.line().equals(r.alert().line())) {
            return false;
        }
        if (q.station() != null && !q.station().equals(r.alert().station())) {
            return false;
        }
        if (q.state() != null && q.state() != r.state()) {
            return false;
        }
        return !q.openOnly() || r.state().isOpen();
    }

    public long count() {
        return alerts.size();
    }

    private AlertRecord record(Long key) {
        AlertRecord cached = recent.get(key);
        if (cached != null) {
            return cached;
        }
        return alerts.get(key);
    }

    /** Keeps the window a contiguous run of the newest ids: new ids join it, the oldest leave it when it is full. */
    private void remember(Long key, AlertRecord rec) {
        if (key < windowLow) {
            return;
        }
        if (recent.put(key, rec) == null) {
            recentCount.incrementAndGet();
        }
        // a counter, not recent.size(): that walks the whole skip list
        while (recentCount.get() > cachedRecords) {
            Map.Entry<Long, AlertRecord> oldest = recent.pollFirstEntry();
            if (oldest == null) {
                break;
            }
            recentCount.decrementAndGet();
            windowLow = oldest.getKey() + 1;
        }
    }

    /** {@code fresh}: the id was just handed out, so the record is new (stored without looking for an old one). */
    private void put(AlertRecord rec, boolean fresh) {
        Long key = key(rec.id());
        AlertRecord before = recent.get(key);
        db.onRollback(() -> {
            if (before == null) {
                if (recent.remove(key) != null) {
                    recentCount.decrementAndGet();
                }
            } else if (recent.put(key, before) == null) {
                recentCount.incrementAndGet();
            }
        });
        OpenRef openBefore = open.get(key);
        db.onRollback(() -> {
            if (openBefore == null) {
                open.remove(key);
            } else {
                open.put(key, openBefore);
            }
        });
        if (fresh) {
            alerts.insert(key, rec);
            indexes.add(rec);
        } else {
            alerts.put(key, rec);
        }
        remember(key, rec);
        if (rec.state().isOpen()) {
            if (openBefore == null) {
                openLineById.put(key, rec.alert().line() + "/" + rec.alert().station());
                open.put(key, new OpenRef(rec.alert().line(), rec.alert().station()));
            }
        } else if (openBefore != null) {
            openLineById.remove(key);
            open.remove(key);
        }
        if (!committed.isEmpty()) {
            db.afterCommit(() -> committed.forEach(l -> l.accept(rec)));
        }
        String fp = rec.alert().fingerprint();
        if (rec.state().isOpen()) {
            openByFingerprint.put(fp, rec.id());
        } else if (rec.id().equals(openByFingerprint.get(fp))) {
            openByFingerprint.remove(fp);
        }
    }

    private static Long key(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private AlertRecord decode(String text) {
        try {
            return json.readValue(text, AlertRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert cannot be decoded", e);
        }
    }
}
