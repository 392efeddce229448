package dev.andon.rules.intake;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.store.AlertStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Grouping: when a line produces {@code size} alerts within {@code window}, they become one incident, and further
 * alerts on that line join it while the storm goes on. Runs inside the intake write.
 */
public final class StormGrouper {
    private final Incidents incidents;
    private final AlertStore alerts;
    private final Duration window;
    private final int size;

    public StormGrouper(Incidents incidents, AlertStore alerts, Duration window, int size) {
        this.incidents = incidents;
        this.alerts = alerts;
        this.window = window;
        this.size = size;
    }

    /** Returns every record it changed, the new one included (or only the new one, unchanged). */
    public List<AlertRecord> group(AlertRecord rec, RecentAlerts recent, Instant now) {
        if (rec.state() == AlertState.SUPPRESSED) {
            return List.of(rec);
        }
        var open = incidents.latestOpenOn(rec.alert().line()).filter(i -> !i.lastAlertAt().isBefore(now.minus(window)));
        if (open.isPresent()) {
            incidents.save(open.get().withMember(rec.id(), now));
            return List.of(alerts.update(rec.id(), r -> r.inIncident(open.get().id())));
        }
        Map<String, AlertRecord> storm = new LinkedHashMap<>();
        for (AlertRecord r : recent.stormCandidates(now, window)) {
            storm.put(r.id(), r);
        }
        storm.put(rec.id(), rec);
        if (storm.size() < size) {
            return List.of(rec);
        }
        List<AlertRecord> members = new ArrayList<>(storm.values());
        members.sort(Comparator.comparingLong(r -> Long.parseLong(r.id())));
        TreeMap<String, Integer> types = new TreeMap<>();
        members.forEach(m -> types.merge(m.alert().type(), 1, Integer::sum));
        String summary = members.size() + " alerts on " + rec.alert().line() + " within " + window.toMinutes() + " min: " + types;
        Incident incident = incidents.open(rec.alert().line(), members.stream().map(AlertRecord::id).toList(), now, summary);
        List<AlertRecord> changed = new ArrayList<>();
        for (AlertRecord m : members) {
            if (m.incidentId() == null) {
                changed.add(alerts.update(m.id(), r -> r.inIncident(incident.id())));
            }
        }
        return changed;
    }
}
