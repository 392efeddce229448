package dev.andon.rules.intake;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import org.mapdb.HTreeMap;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the alert an incoming one repeats: same fingerprint (source, line, station, type), still open or still
 * suppressed, last seen within the window. Suppressed alerts are tracked here because the core index only keeps
 * open ones, and a silenced model that keeps sending must not pile up records either.
 */
public final class Deduplicator {
    private final AlertStore alerts;
    private final HTreeMap<String, String> suppressedByFingerprint;
    private final Duration window;

    public Deduplicator(AndonDatabase db, AlertStore alerts, Duration window) {
        this.alerts = alerts;
        this.window = window;
        this.suppressedByFingerprint = db.jsonMap("rules-suppressed-by-fingerprint");
    }

    public Optional<AlertRecord> repeatOf(Alert alert, Instant now) {
        Instant since = now.minus(window);
        Optional<AlertRecord> open = alerts.openWithFingerprint(alert.fingerprint())
                .filter(r -> !r.lastSeenAt().isBefore(since));
        if (open.isPresent()) {
            return open;
        }
        return Optional.ofNullable(suppressedByFingerprint.get(alert.fingerprint())).flatMap(alerts::find)
                .filter(r -> r.state() == AlertState.SUPPRESSED && !r.lastSeenAt().isBefore(since));
    }

    /** Call inside the intake write for every new suppressed alert. */
    public void rememberSuppressed(AlertRecord rec) {
        suppressedByFingerprint.put(rec.alert().fingerprint(), rec.id());
    }
}
