package dev.andon.core.store;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.line.LineStatus;
import dev.andon.core.line.StationStatus;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.StationStatusStore;

import java.util.List;
import java.util.Map;

/** Assembles a {@link LineStatus} from the plant, the station states and the open alerts (counted in memory). */
public final class LineStatusReader {
    /** Newest open alerts carried in a line status by default. */
    public static final int DEFAULT_OPEN_ALERTS = 50;
    private final Plant plant;
    private final StationStatusStore stations;
    private final AlertStore alerts;

    public LineStatusReader(Plant plant, StationStatusStore stations, AlertStore alerts) {
        this.plant = plant;
        this.stations = stations;
        this.alerts = alerts;
    }

    public LineStatus read(String lineId) {
        return read(lineId, DEFAULT_OPEN_ALERTS);
    }

    /** With at most {@code openAlerts} of the newest open alerts; the counts cover all of them. */
    public LineStatus read(String lineId, int openAlerts) {
        Line line = plant.line(lineId).orElseThrow(() -> new NotFoundException("line", lineId));
        Map<String, Integer> counts = alerts.openCountByStation(lineId);
        List<AlertRecord> newest = alerts.list(new AlertQuery(lineId, null, null, true, null, openAlerts));
        List<LineStatus.StationView> views = line.stations().stream()
                .map(s -> new LineStatus.StationView(s.id(), s.name(), stations.get(lineId, s.id()),
                        counts.getOrDefault(s.id(), 0)))
                .toList();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new LineStatus(line.id(), line.name(), views, total, newest);
    }
}
