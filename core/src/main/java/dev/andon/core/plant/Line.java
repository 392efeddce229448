package dev.andon.core.plant;

import java.util.List;
import java.util.Optional;

/** A production line; stations are listed in flow order, so a station's downstream neighbours are the ones after it. */
public record Line(String id, String name, String area, String product, List<Station> stations) {
    public Line {
        stations = stations == null ? List.of() : List.copyOf(stations);
    }

    public Optional<Station> station(String stationId) {
        return stations.stream().filter(s -> s.id().equals(stationId)).findFirst();
    }

    /** Stations after {@code stationId} in flow order: starved when it stops. */
    public List<Station> downstreamOf(String stationId) {
        for (int i = 0; i < stations.size(); i++) {
            if (stations.get(i).id().equals(stationId)) {
                return stations.subList(i + 1, stations.size());
            }
        }
        return List.of();
    }

    /** Stations before {@code stationId} in flow order: blocked when it stops. */
    public List<Station> upstreamOf(String stationId) {
        for (int i = 0; i < stations.size(); i++) {
            if (stations.get(i).id().equals(stationId)) {
                return stations.subList(0, i);
            }
        }
        return List.of();
    }
}
