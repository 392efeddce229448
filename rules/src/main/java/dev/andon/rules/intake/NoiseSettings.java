package dev.andon.rules.intake;

import java.time.Duration;

/**
 * Windows and thresholds of noise control. {@code dedupWindow}: a repeat of an open alert's fingerprint within it
 * only counts up. {@code stormWindow}/{@code stormSize}: that many alerts on one line within the window make an
 * incident. {@code flapWindow}/{@code flapReopenings}: a fingerprint closed and reopened that often within the window
 * flaps. {@code historyWindow}: how far back "recent alerts" reach for the rules.
 */
public record NoiseSettings(Duration dedupWindow, Duration stormWindow, int stormSize, Duration flapWindow,
                            int flapReopenings, Duration historyWindow) {
    public static NoiseSettings defaults() {
        return new NoiseSettings(Duration.ofMinutes(10), Duration.ofMinutes(2), 5, Duration.ofMinutes(30), 2,
                Duration.ofMinutes(60));
    }

    /** How far back intake must look to answer every window at once. */
    public Duration lookBack() {
        Duration max = historyWindow;
        if (flapWindow.compareTo(max) > 0) {
            max = flapWindow;
        }
        if (stormWindow.compareTo(max) > 0) {
            max = stormWindow;
        }
        return max;
    }
}
