package dev.andon.core.shift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.store.AndonDatabase;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Roster swaps in the order they were recorded; few, so all are kept decoded in memory too. */
public final class RosterSwapStore {
    private final AndonDatabase db;
    private final ObjectMapper json;
    private final BTreeMap<Long, String> swaps;
    private final Atomic.Long ids;
    private final List<RosterSwap> all = new CopyOnWriteArrayList<>();

    public RosterSwapStore(AndonDatabase db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.swaps = db.orderedJsonMap("roster-swaps");
        this.ids = db.sequence("roster-swap-ids");
        for (String text : swaps.values()) {
            try {
                all.add(json.readValue(text, RosterSwap.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored roster swap cannot be decoded", e);
            }
        }
    }

    public RosterSwap add(RosterSwap swap) {
        return db.write(() -> {
            long id = ids.incrementAndGet();
            RosterSwap stored = new RosterSwap(Long.toString(id), swap.shift(), swap.line(), swap.role(), swap.out(),
                    swap.in(), swap.reason(), swap.recordedBy(), swap.recordedAt());
            try {
                swaps.put(id, json.writeValueAsString(stored));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("roster swap cannot be encoded", e);
            }
            all.add(stored);
            db.onRollback(() -> all.remove(stored));
            return stored;
        });
    }

    /** Swaps for one shift occurrence, oldest first. */
    public List<RosterSwap> forShift(String occurrenceKey) {
        List<RosterSwap> out = new ArrayList<>();
        for (RosterSwap s : all) {
            if (s.shift().equals(occurrenceKey)) {
                out.add(s);
            }
        }
        return out;
    }

    public List<RosterSwap> forLine(String line) {
        return all.stream().filter(s -> line == null || s.line().equals(line)).toList();
    }
}
