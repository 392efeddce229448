package dev.andon.core.plant;

import java.time.LocalTime;

/** A shift by wall-clock times in the plant's time zone; {@code end} before {@code start} means it crosses midnight. */
public record Shift(String id, String name, LocalTime start, LocalTime end) {

    public boolean covers(LocalTime time) {
        if (start.equals(end)) {
            return true;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }
}
