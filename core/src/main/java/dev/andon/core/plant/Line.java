package dev.andon.core.plant;

import java.util.List;
import java.util.Optional;

/**
 * A production line; stations are listed in flow order, so a station's downstream neighbours are the ones after it.
 * Production figures (all optional): {@code shifts} the plant shifts this line runs (empty = all),
 * {@code idealCycleSeconds} the line's rate, {@code planPerShift} the good parts planned per shift, and
 * {@code outputStation} where finished parts are counted (default: the last station).
 */
public record Line(String id, String name, String area, String product, List<Station> stations, List<String> shifts,
                   Double idealCycleSeconds, Integer planPerShift, String outputStation) {
    public Line {
        stations = stations == null ? List.of() : List.copyOf(stations);
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
    }

    public Line(String id, String name, String area, String product, List<Station> stations) {
        this(id, name, area, product, stations, List.of(), null, null, null);
    }

    /** Whether this line runs plant shift {@code shiftId}. */
    public boolean runs(String shiftId) {
        return shifts.isEmpty() || shifts.contains(shiftId);
    }

    /** The station whose good count is the line's output. */
    public String output() {
        if (outputStation != null) {
            return outputStation;
        }
        return stations.isEmpty() ? null : stations.get(stations.size() - 1).id();
    }

    /** The ideal cycle time of a station: its own, else the line's, else null (performance unknown). */
    public Double idealCycleOf(String stationId) {
        Double own = station(stationId).map(Station::idealCycleSeconds).orElse(null);
        return own != null ? own : idealCycleSeconds;
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
