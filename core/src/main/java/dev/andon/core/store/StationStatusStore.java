package dev.andon.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.line.StationStatus;
import org.mapdb.HTreeMap;

/**
 * The last known state of every station, one committed write per report. Read on every incoming alert (inhibition,
 * decision inputs), so the decoded states are kept in memory too (a plant has a few hundred stations at most).
 */
public final class StationStatusStore {
    private final AndonDatabase db;
    private final ObjectMapper json;
    private final HTreeMap<String, String> statuses;
    private final java.util.concurrent.ConcurrentHashMap<String, StationStatus> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public StationStatusStore(AndonDatabase db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.statuses = db.jsonMap("station-status");
    }

    public StationStatus save(StationStatus status) {
        return db.write(() -> {
            String key = key(status.line(), status.station());
            StationStatus before = cache.get(key);
            db.onRollback(() -> {
                if (before == null) {
                    cache.remove(key);
                } else {
                    cache.put(key, before);
                }
            });
            try {
                statuses.put(key, json.writeValueAsString(status));
                cache.put(key, status);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("station status cannot be encoded", e);
            }
            return status;
        });
    }

    public StationStatus get(String line, String station) {
        String key = key(line, station);
        StationStatus cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        String text = statuses.get(key);
        if (text == null) {
            return StationStatus.unknown(line, station);
        }
        try {
            StationStatus decoded = json.readValue(text, StationStatus.class);
            cache.putIfAbsent(key, decoded);
            return decoded;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored station status cannot be decoded", e);
        }
    }

    private static String key(String line, String station) {
        return line + "/" + station;
    }
}
