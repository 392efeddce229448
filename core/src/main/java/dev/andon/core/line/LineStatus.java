package dev.andon.core.line;

import dev.andon.core.alert.AlertRecord;

import java.util.List;

/**
 * A line right now: each station's last known state with its count of open alerts, how many alerts are open on the
 * line, and the newest of them (at most the reader's limit, so a line in a storm still gives a small answer; page
 * further with {@code GET /api/alerts?state=open&line=…&before=…}).
 */
public record LineStatus(String line, String name, List<StationView> stations, int openAlertCount,
                         List<AlertRecord> openAlerts) {

    public record StationView(String id, String name, StationStatus status, int openAlerts) {
    }
}
