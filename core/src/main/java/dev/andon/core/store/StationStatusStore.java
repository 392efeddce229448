package dev.andon.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.line.StationStatus;
import org.mapdb.HTreeMap;

/** The last known state of every station, one committed write per report. */
public final class StationStatusStore {
    private final AndonDatabase db;
    private final ObjectMapper json;
    private final HTreeMap<String, String> statuses;

    public StationStatusStore(AndonDatabase db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.statuses = db.jsonMap("station-status");
    }

    public StationStatus save(StationStatus status) {
        return db.write(() -> {
            try {
                statuses.put(key(status.line(), status.station()), json.writeValueAsString(status));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("station status cannot be encoded", e);
            }
            return status;
        });
    }

    public StationStatus get(String line, String station) {
        String text = statuses.get(key(line, station));
        if (text == null) {
            return StationStatus.unknown(line, station);
        }
        try {
            return json.readValue(text, StationStatus.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored station status cannot be decoded", e);
        }
    }

    private static String key(String line, String station) {
        return line + "/" + station;
    }
}
