package dev.andon.core.handover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.store.AndonDatabase;
import org.mapdb.HTreeMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Handover reports by shift key; an in-memory index per line in shift order answers "the latest report" quickly. */
public final class HandoverStore {
    private final AndonDatabase db;
    private final ObjectMapper json;
    private final HTreeMap<String, String> reports;
    private final Map<String, HandoverReport> decoded = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, String> byStart = new ConcurrentSkipListMap<>();

    public HandoverStore(AndonDatabase db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.reports = db.jsonMap("handover-reports");
        for (String text : reports.values()) {
            HandoverReport r = decode(text);
            decoded.put(r.id(), r);
            byStart.put(order(r), r.id());
        }
    }

    public Optional<HandoverReport> find(String key) {
        return Optional.ofNullable(decoded.get(key));
    }

    /** Saves a report; joins the caller's write so a step and its record commit together. */
    public HandoverReport save(HandoverReport r) {
        return db.write(() -> {
            try {
                reports.put(r.id(), json.writeValueAsString(r));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("handover report cannot be encoded", e);
            }
            HandoverReport before = decoded.put(r.id(), r);
            byStart.put(order(r), r.id());
            db.onRollback(() -> {
                if (before == null) {
                    decoded.remove(r.id());
                    byStart.remove(order(r));
                } else {
                    decoded.put(r.id(), before);
                }
            });
            return r;
        });
    }

    /** Reports, newest shift first; {@code line} null = every line. */
    public List<HandoverReport> newestFirst(String line, int limit) {
        List<HandoverReport> out = new ArrayList<>();
        for (String key : byStart.descendingMap().values()) {
            if (out.size() >= limit) {
                break;
            }
            HandoverReport r = decoded.get(key);
            if (r != null && (line == null || r.line().equals(line))) {
                out.add(r);
            }
        }
        return out;
    }

    private static String order(HandoverReport r) {
        return String.format("%019d|%s", r.shift().start().toEpochMilli(), r.id());
    }

    private HandoverReport decode(String text) {
        try {
            return json.readValue(text, HandoverReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored handover report cannot be decoded", e);
        }
    }
}
