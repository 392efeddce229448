package dev.andon.core.line;

import dev.andon.core.alert.AlertRecord;

import java.util.List;

/** A line right now: each station's last known state with its open alerts, and the line's open alerts newest first. */
public record LineStatus(String line, String name, List<StationView> stations, List<AlertRecord> openAlerts) {

    public record StationView(String id, String name, StationStatus status, int openAlerts) {
    }
}
