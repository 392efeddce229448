package dev.andon.core.production;

import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.line.StationStatus;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one way line events come in: permission, validation, idempotent storage and the stations' current state, in
 * one commit; listeners hear about it afterwards (the live board, the SSE stream).
 */
public final class ProductionEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ProductionEvents.class);

    private final AndonDatabase db;
    private final LineEventReader reader;
    private final LineEventStore store;
    private final StationStatusStore stations;
    private final PermissionPolicy policy;
    private final List<ProductionListener> listeners = new CopyOnWriteArrayList<>();

    public ProductionEvents(AndonDatabase db, LineEventReader reader, LineEventStore store, StationStatusStore stations,
                            PermissionPolicy policy) {
        this.db = db;
        this.reader = reader;
        this.store = store;
        this.stations = stations;
        this.policy = policy;
    }

    public void addListener(ProductionListener l) {
        listeners.add(l);
    }

    public LineEventStore store() {
        return store;
    }

    /** Records a batch for {@code line} as {@code by}; all or nothing, retries counted once. */
    public BatchResult record(Principal by, String line, JsonNode body) {
        policy.require(by, Action.LINE_EVENTS_WRITE, line);
        List<LineEvent> events = reader.read(line, body, by.id());
        List<StationStatus> changed = new ArrayList<>();
        LineEventStore.Appended appended = db.write(() -> {
            LineEventStore.Appended a = store.append(events);
            Map<String, LineEvent> latest = new LinkedHashMap<>();
            for (LineEvent ev : a.added()) {
                if (ev.isState()) {
                    latest.merge(ev.station(), ev, (x, y) -> y.at().isBefore(x.at()) ? x : y);
                }
            }
            for (LineEvent ev : latest.values()) {
                StationStatus now = stations.get(ev.line(), ev.station());
                // a late event for an earlier moment must not overwrite a newer state
                if (now.since() == null || !ev.at().isBefore(now.since())) {
                    changed.add(stations.save(new StationStatus(ev.line(), ev.station(), ev.state(), ev.reason(), ev.at(),
                            ev.reportedBy())));
                }
            }
            return a;
        });
        BatchResult result = new BatchResult(line, appended.added().size(), appended.duplicates().size(),
                appended.added().stream().map(LineEvent::key).toList(),
                appended.duplicates().stream().map(LineEvent::key).toList());
        for (ProductionListener l : listeners) {
            try {
                changed.forEach(l::stationChanged);
                l.recorded(result);
            } catch (RuntimeException e) {
                LOG.warn("production listener failed", e);
            }
        }
        return result;
    }
}
