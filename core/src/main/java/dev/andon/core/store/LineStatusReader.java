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

/** Assembles a {@link LineStatus} from the plant, the station states and the open alerts. */
public final class LineStatusReader {
    private final Plant plant;
    private final StationStatusStore stations;
    private final AlertStore alerts;

    public LineStatusReader(Plant plant, StationStatusStore stations, AlertStore alerts) {
        this.plant = plant;
        this.stations = stations;
        this.alerts = alerts;
    }

    public LineStatus read(String lineId) {
        Line line = plant.line(lineId).orElseThrow(() -> new NotFoundException("line", lineId));
        List<AlertRecord> open = alerts.list(AlertQuery.openOn(lineId));
        List<LineStatus.StationView> views = line.stations().stream()
                .map(s -> new LineStatus.StationView(s.id(), s.name(), stations.get(lineId, s.id()),
                        (int) open.stream().filter(a -> a.alert().station().equals(s.id())).count()))
                .toList();
        return new LineStatus(line.id(), line.name(), views, open);
    }
}
