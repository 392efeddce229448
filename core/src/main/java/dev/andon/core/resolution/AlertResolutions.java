package dev.andon.core.resolution;

import dev.andon.core.audit.AuditTrail;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Principal;
import dev.andon.core.intake.AlertLifecycle;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "What fixed it last time": resolving an alert with its cause and action stores a resolution record in the same
 * commit as the transition, and any alert can show the last resolutions of its kind on its station.
 */
public final class AlertResolutions {
    public static final int SHOWN = 3;
    private static final int MAX_TEXT = 2_000;
    private static final int MAX_CODE = 64;

    private final Plant plant;
    private final AndonDatabase db;
    private final AuditTrail audit;
    private final ResolutionStore store;
    private final AlertStore alerts;
    private final Clock clock;

    public AlertResolutions(Plant plant, AndonDatabase db, ResolutionStore store, AlertStore alerts, AuditTrail audit,
                            Clock clock) {
        this.audit = audit;
        this.plant = plant;
        this.db = db;
        this.store = store;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Cause and action as a person states them; codes are optional plant codes. */
    public record Input(String cause, String causeCode, String action, String actionCode) {
        public boolean isEmpty() {
            return blank(cause) && blank(action) && blank(causeCode) && blank(actionCode);
        }
    }

    /** Checks an input before anything moves: cause and action are both needed, texts and codes bounded. */
    public static void validate(Input in) {
        List<Problem> problems = new ArrayList<>();
        if (blank(in.cause())) {
            problems.add(new Problem("cause", "is required when resolving with a resolution record (what caused it)"));
        } else if (in.cause().length() > MAX_TEXT) {
            problems.add(new Problem("cause", "is longer than " + MAX_TEXT + " characters"));
        }
        if (blank(in.action())) {
            problems.add(new Problem("action", "is required when resolving with a resolution record (what was done)"));
        } else if (in.action().length() > MAX_TEXT) {
            problems.add(new Problem("action", "is longer than " + MAX_TEXT + " characters"));
        }
        code(problems, "causeCode", in.causeCode());
        code(problems, "actionCode", in.actionCode());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Moves the alert to resolved and stores what fixed it, in one commit (both or neither). */
    public AlertRecord resolve(AlertLifecycle lifecycle, String alertId, Principal actor, String note, Input in) {
        validate(in);
        return db.write(() -> {
            AlertRecord rec = lifecycle.transition(alertId, AlertState.RESOLVED, actor, note);
            Instant at = rec.history().isEmpty() ? clock.instant() : rec.history().get(rec.history().size() - 1).at();
            Instant raised = rec.alert().receivedAt();
            Resolution fix = new Resolution(rec.id(), rec.alert().line(), rec.alert().station(), rec.alert().type(),
                    in.cause().trim(), trimmed(in.causeCode()), in.action().trim(), trimmed(in.actionCode()), actor.id(),
                    plant.person(actor.id()).map(Person::name).orElse(actor.name()), raised, at,
                    raised == null ? null : Duration.between(raised, at));
            store.put(fix);
            // the transition has its own record; this one keeps what was found and done, which later alerts show
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("cause", fix.cause());
            after.put("causeCode", fix.causeCode());
            after.put("action", fix.action());
            after.put("actionCode", fix.actionCode());
            audit.record(actor, "alert.resolution", "alert/" + rec.id(), null, after);
            return rec;
        });
    }

    /** The last resolutions of the same type on the same station (this alert's own excluded) and this month's count. */
    public Recurrence recurrence(String alertId) {
        AlertRecord rec = alerts.get(alertId);
        String line = rec.alert().line();
        String station = rec.alert().station();
        String type = rec.alert().type();
        List<Resolution> last = new ArrayList<>();
        for (Resolution r : store.forSubject(line, station, type, SHOWN + 1)) {
            if (!r.alertId().equals(alertId) && last.size() < SHOWN) {
                last.add(r);
            }
        }
        Instant monthStart = ZonedDateTime.now(clock.withZone(plant.timezone())).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(plant.timezone()).toInstant();
        int thisMonth = alerts.countSince(line, station, type, monthStart);
        return new Recurrence(alertId, line, station, type, last, thisMonth);
    }

    public ResolutionStore store() {
        return store;
    }

    private static void code(List<Problem> problems, String field, String value) {
        if (value != null && !value.isBlank() && (value.length() > MAX_CODE || !value.matches("[A-Za-z0-9._-]+"))) {
            problems.add(new Problem(field, "must be a short code (letters, digits, . _ -; at most " + MAX_CODE + ")"));
        }
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
