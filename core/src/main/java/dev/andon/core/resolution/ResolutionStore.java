package dev.andon.core.resolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.store.AndonDatabase;
import org.mapdb.HTreeMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Resolution records keyed by alert id, indexed in memory by line/station/type for "what fixed it last time". */
public final class ResolutionStore {
    private final AndonDatabase db;
    private final ObjectMapper json;
    private final HTreeMap<String, String> byAlert;
    private final Map<String, ConcurrentSkipListMap<String, Resolution>> bySubject = new ConcurrentHashMap<>();

    public ResolutionStore(AndonDatabase db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.byAlert = db.jsonMap("alert-resolutions");
        for (String text : byAlert.values()) {
            index(decode(text));
        }
    }

    /** Stores (or replaces) the resolution of an alert; joins the caller's write when there is one. */
    public Resolution put(Resolution r) {
        return db.write(() -> {
            try {
                byAlert.put(r.alertId(), json.writeValueAsString(r));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("resolution cannot be encoded", e);
            }
            String key = order(r);
            ConcurrentSkipListMap<String, Resolution> m = subject(r.line(), r.station(), r.type());
            Resolution before = m.put(key, r);
            db.onRollback(() -> {
                if (before == null) {
                    m.remove(key);
                } else {
                    m.put(key, before);
                }
            });
            return r;
        });
    }

    public Optional<Resolution> forAlert(String alertId) {
        return Optional.ofNullable(byAlert.get(alertId)).map(this::decode);
    }

    /** Resolutions of alerts of {@code type} on {@code line}/{@code station}, newest first. */
    public List<Resolution> forSubject(String line, String station, String type, int limit) {
        List<Resolution> out = new ArrayList<>();
        for (Resolution r : subject(line, station, type).descendingMap().values()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    private void index(Resolution r) {
        subject(r.line(), r.station(), r.type()).put(order(r), r);
    }

    private ConcurrentSkipListMap<String, Resolution> subject(String line, String station, String type) {
        return bySubject.computeIfAbsent(line + "|" + station + "|" + type, k -> new ConcurrentSkipListMap<>());
    }

    private static String order(Resolution r) {
        return String.format("%019d|%s", r.resolvedAt().toEpochMilli(), r.alertId());
    }

    private Resolution decode(String text) {
        try {
            return json.readValue(text, Resolution.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored resolution cannot be decoded", e);
        }
    }

    static Comparator<Resolution> newestFirst() {
        return Comparator.comparing(Resolution::resolvedAt).reversed();
    }
}
