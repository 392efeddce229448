package dev.andon.rules.facts;

import java.util.List;

/** The station the alert is about, with its line, product and last known state (running, down, blocked…). */
public final class StationFact implements Describable {
    private final String line;
    private final String lineName;
    private final String area;
    private final String product;
    private final String station;
    private final String stationName;
    private final String kind;
    private final List<String> equipment;
    private final String state;
    private final String stateReason;

    public StationFact(String line, String lineName, String area, String product, String station, String stationName,
                       String kind, List<String> equipment, String state, String stateReason) {
        this.line = line;
        this.lineName = lineName;
        this.area = area;
        this.product = product;
        this.station = station;
        this.stationName = stationName;
        this.kind = kind;
        this.equipment = equipment == null ? List.of() : List.copyOf(equipment);
        this.state = state;
        this.stateReason = stateReason;
    }

    public String getLine() { return line; }
    public String getLineName() { return lineName; }
    public String getArea() { return area; }
    public String getProduct() { return product; }
    public String getStation() { return station; }
    public String getStationName() { return stationName; }
    /** press, robot, feeder, inspection… as written in the plant file. */
    public String getKind() { return kind; }
    public List<String> getEquipment() { return equipment; }
    /** running, idle, down, blocked, starved, changeover, planned-maintenance or unknown. */
    public String getState() { return state; }
    public String getStateReason() { return stateReason; }

    public boolean hasEquipment(String name) {
        return equipment.contains(name);
    }

    @Override
    public String describe() {
        String s = stationName + " (" + station + ", a " + kind + ") on " + lineName + " making " + product
                + ("unknown".equals(state) ? ", state not reported" : " is " + state);
        return stateReason == null ? s : s + " (" + stateReason + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
