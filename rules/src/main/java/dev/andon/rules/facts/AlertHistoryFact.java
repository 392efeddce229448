package dev.andon.rules.facts;

/** How busy the station and line have been: alerts received in the last {@code windowMinutes}, this one excluded. */
public final class AlertHistoryFact implements Describable {
    private final String line;
    private final String station;
    private final int windowMinutes;
    private final int onStation;
    private final int sameTypeOnStation;
    private final int onLine;
    private final int openOnLine;

    public AlertHistoryFact(String line, String station, int windowMinutes, int onStation, int sameTypeOnStation,
                            int onLine, int openOnLine) {
        this.line = line;
        this.station = station;
        this.windowMinutes = windowMinutes;
        this.onStation = onStation;
        this.sameTypeOnStation = sameTypeOnStation;
        this.onLine = onLine;
        this.openOnLine = openOnLine;
    }

    public String getLine() { return line; }
    public String getStation() { return station; }
    public int getWindowMinutes() { return windowMinutes; }
    public int getOnStation() { return onStation; }
    public int getSameTypeOnStation() { return sameTypeOnStation; }
    public int getOnLine() { return onLine; }
    public int getOpenOnLine() { return openOnLine; }

    @Override
    public String describe() {
        return "in the last " + windowMinutes + " min: " + onStation + " other alert(s) on " + station + " ("
                + sameTypeOnStation + " of the same type), " + onLine + " on " + line + ", " + openOnLine
                + " still open on the line";
    }

    @Override
    public String toString() {
        return describe();
    }
}
