package dev.andon.rules.intake;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.line.StationState;
import dev.andon.core.line.StationStatus;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Station;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.StationStatusStore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Inhibition: when a station is down, the flow alerts it causes elsewhere on the line (stations downstream starve,
 * stations upstream are blocked) are consequences, not new problems. They are suppressed and linked to the cause.
 */
public final class Inhibitor {
    static final String FLOW_CATEGORY = "flow";
    private final Plant plant;
    private final StationStatusStore stations;
    private final AlertStore alerts;

    public Inhibitor(Plant plant, StationStatusStore stations, AlertStore alerts) {
        this.plant = plant;
        this.stations = stations;
        this.alerts = alerts;
    }

    public Optional<Suppression> check(Alert alert) {
        boolean flow = plant.alertType(alert.type()).map(t -> FLOW_CATEGORY.equals(t.category())).orElse(false);
        Optional<Line> line = plant.line(alert.line());
        if (!flow || line.isEmpty()) {
            return Optional.empty();
        }
        for (Station candidate : candidates(line.get(), alert)) {
            StationStatus status = stations.get(line.get().id(), candidate.id());
            if (status.state() == StationState.DOWN) {
                String cause = causeAlert(line.get().id(), candidate.id())
                        .map(AlertRecord::id).orElse("station:" + line.get().id() + "/" + candidate.id());
                String note = "inhibited: " + candidate.name() + " (" + candidate.id() + ") is down"
                        + (status.reason() == null ? "" : " (" + status.reason() + ")") + ", so " + alert.station()
                        + " " + (alert.type().contains("blocked") ? "is blocked" : "is starved") + " as a consequence";
                return Optional.of(new Suppression(cause, note, List.of()));
            }
        }
        return Optional.empty();
    }

    /** Nearest first: upstream stations for a starved alert, downstream for a blocked one, both otherwise. */
    private static List<Station> candidates(Line line, Alert alert) {
        List<Station> up = new ArrayList<>(line.upstreamOf(alert.station()));
        Collections.reverse(up);
        List<Station> down = line.downstreamOf(alert.station());
        if (alert.type().contains("starved")) {
            return up;
        }
        if (alert.type().contains("blocked")) {
            return down;
        }
        List<Station> all = new ArrayList<>(up);
        all.addAll(down);
        return all;
    }

    /** The newest open, non-flow alert on the stopped station: what people are working on. */
    private Optional<AlertRecord> causeAlert(String line, String station) {
        return alerts.list(new AlertQuery(line, station, null, true, null, 20)).stream()
                .filter(r -> plant.alertType(r.alert().type()).map(t -> !FLOW_CATEGORY.equals(t.category())).orElse(true))
                .findFirst();
    }
}
