package dev.andon.core.resolution;

import java.util.List;

/**
 * For one alert: the last (up to three) resolutions of earlier alerts of the same type on the same station, newest
 * first, and how many alerts of that type that station raised this calendar month (plant time), this one included.
 */
public record Recurrence(String alertId, String line, String station, String type, List<Resolution> lastResolutions,
                         int raisedThisMonth) {
    public Recurrence {
        lastResolutions = List.copyOf(lastResolutions);
    }

    public boolean recurs() {
        return !lastResolutions.isEmpty() || raisedThisMonth > 1;
    }
}
