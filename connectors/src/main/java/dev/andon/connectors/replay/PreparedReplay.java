package dev.andon.connectors.replay;

import dev.andon.core.alert.Alert;

import java.time.Instant;
import java.util.List;

/** A recording read and checked in full before anything is sent: the alerts it makes, in order, and its bad lines. */
public record PreparedReplay(int rows, List<Planned> alerts, List<ReplayReport.Rejection> rejected) {

    /** One alert to send: from which line of the file, when it was recorded, and the checked alert. */
    public record Planned(int line, Instant recorded, Alert alert) {
    }
}
