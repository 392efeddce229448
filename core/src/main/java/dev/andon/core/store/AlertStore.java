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
    private final BTreeMap<Long, String> alerts;
    private final HTreeMap<String, String> openByFingerprint;
    private final BTreeMap<Long, String> openLineById;
    private final Atomic.Long ids;
    /**
     * The newest records, decoded: every stored id from {@code windowLow} up is in here, so recent history is listed
     * without touching the file (iterating MapDB's tree deserialises each JSON value, which dominated intake).
     */
    private final ConcurrentSkipListMap<Long, AlertRecord> recent = new ConcurrentSkipListMap<>();
    private volatile long windowLow = Long.MAX_VALUE;
    private final int cachedRecords;

    public AlertStore(AndonDatabase db, ObjectMapper json) {
        this(db, json, 50_000);
    }

    public AlertStore(AndonDatabase db, ObjectMapper json, int cachedRecords) {
        this.db = db;
        this.json = json;
        this.cachedRecords = cachedRecords;
        this.alerts = db.orderedJsonMap("alerts");
        this.openByFingerprint = db.jsonMap("alerts-open-by-fingerprint");
        this.openLineById = db.orderedJsonMap("alerts-open-line-by-id");
        this.ids = db.sequence("alert-ids");
        warmUp();
    }

    private void warmUp() {
        long low = Long.MAX_VALUE;
        for (Map.Entry<Long, String> e : alerts.descendingMap().entrySet()) {
            if (recent.size() >= cachedRecords) {
                break;
            }
            recent.put(e.getKey(), decode(e.getValue()));
            low = e.getKey();
        }
        windowLow = recent.isEmpty() ? 1 : low;
    }

    /** Gives the alert the next id and stores it as received; committed when this returns. */
    public AlertRecord insert(Alert alert, UnaryOperator<AlertRecord> beforeCommit) {
        return db.write(() -> {
            long id = ids.incrementAndGet();
            Alert withId = new Alert(Long.toString(id), alert.source(), alert.modelVersion(), alert.line(),
                    alert.station(), alert.type(), alert.severity(), alert.confidence(), alert.timestamp(),
                    alert.receivedAt(), alert.payload());
            AlertRecord rec = beforeCommit.apply(AlertRecord.received(withId));
            put(rec);
            return rec;
        });
    }

    /** Replaces a stored record (same id). */
    public AlertRecord save(AlertRecord rec) {
        return db.write(() -> {
            put(rec);
            return rec;
        });
    }

    /** Applies {@code change} to the current record atomically with respect to other writers. */
    public AlertRecord update(String id, UnaryOperator<AlertRecord> change) {
        return db.write(() -> {
            AlertRecord next = change.apply(get(id));
            put(next);
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

    /** Newest first. */
    public List<AlertRecord> list(AlertQuery q) {
        List<AlertRecord> out = new ArrayList<>();
        if (q.openOnly()) {
            for (Map.Entry<Long, String> e : openLineById.descendingMap().entrySet()) {
                if (out.size() >= q.limit()) {
                    break;
                }
                if (q.line() != null && !q.line().equals(e.getValue())) {
                    continue;
                }
                AlertRecord r = record(e.getKey());
                if (r != null && matches(q, r)) {
                    out.add(r);
                }
            }
            return out;
        }
        long low = windowLow;
        for (AlertRecord r : recent.tailMap(low, true).descendingMap().values()) {
            if (out.size() >= q.limit() || (q.since() != null && r.alert().receivedAt().isBefore(q.since()))) {
                return out;
            }
            if (matches(q, r)) {
                out.add(r);
            }
        }
        for (Map.Entry<Long, String> e : alerts.headMap(low, false).descendingMap().entrySet()) {
            if (out.size() >= q.limit()) {
                break;
            }
            AlertRecord r = decode(e.getValue());
            if (q.since() != null && r.alert().receivedAt().isBefore(q.since())) {
                break;
            }
            if (matches(q, r)) {
                out.add(r);
            }
        }
        return out;
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
        return alerts.sizeLong();
    }

    private AlertRecord record(Long key) {
        AlertRecord cached = recent.get(key);
        if (cached != null) {
            return cached;
        }
        String text = alerts.get(key);
        return text == null ? null : decode(text);
    }

    /** Keeps the window a contiguous run of the newest ids: new ids join it, the oldest leave it when it is full. */
    private void remember(Long key, AlertRecord rec) {
        if (key < windowLow) {
            return;
        }
        recent.put(key, rec);
        while (recent.size() > cachedRecords) {
            Map.Entry<Long, AlertRecord> oldest = recent.pollFirstEntry();
            if (oldest == null) {
                break;
            }
            windowLow = oldest.getKey() + 1;
        }
    }

    private void put(AlertRecord rec) {
        Long key = key(rec.id());
        AlertRecord before = recent.get(key);
        db.onRollback(() -> {
            if (before == null) {
                recent.remove(key);
            } else {
                recent.put(key, before);
            }
        });
        alerts.put(key, encode(rec));
        remember(key, rec);
        if (rec.state().isOpen()) {
            openLineById.put(key, rec.alert().line());
        } else {
            openLineById.remove(key);
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

    private String encode(AlertRecord rec) {
        try {
            return json.writeValueAsString(rec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert " + rec.id() + " cannot be encoded", e);
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
