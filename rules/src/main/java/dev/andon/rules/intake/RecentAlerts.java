package dev.andon.rules.intake;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.rules.decision.HistoryCounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The alerts received on one line in the look-back window (newest first), read once per incoming alert and asked
 * the questions of history, flapping and storms.
 */
public record RecentAlerts(List<AlertRecord> onLine) {

    public HistoryCounts history(Alert alert, Instant now, Duration window) {
        Instant since = now.minus(window);
        int onStation = 0;
        int sameType = 0;
        int line = 0;
        int open = 0;
        for (AlertRecord r : onLine) {
            if (r.alert().receivedAt().isBefore(since) || r.id().equals(alert.id())) {
                continue;
            }
            line++;
            if (r.state().isOpen()) {
                open++;
            }
            if (r.alert().station().equals(alert.station())) {
                onStation++;
                if (r.alert().type().equals(alert.type())) {
                    sameType++;
                }
            }
        }
        return new HistoryCounts((int) window.toMinutes(), onStation, sameType, line, open);
    }

    /** Closed alerts with the same fingerprint in the window: each one opened and closed again. */
    public int closedWithFingerprint(String fingerprint, Instant now, Duration window) {
        Instant since = now.minus(window);
        int n = 0;
        for (AlertRecord r : onLine) {
            if (!r.alert().receivedAt().isBefore(since) && r.state().isClosed() && r.alert().fingerprint().equals(fingerprint)) {
                n++;
            }
        }
        return n;
    }

    /** Alerts in the window that count toward a storm: not suppressed (a consequence is not a new problem). */
    public List<AlertRecord> stormCandidates(Instant now, Duration window) {
        Instant since = now.minus(window);
        return onLine.stream().filter(r -> !r.alert().receivedAt().isBefore(since))
                .filter(r -> r.state() != AlertState.SUPPRESSED).toList();
    }
}
