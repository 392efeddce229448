package dev.andon.rules.silence;

import dev.andon.core.alert.Alert;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.UnauthenticatedException;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.Problem;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.AndonDatabase;
import dev.andon.rules.JsonCodec;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Silences and maintenance windows: create, list, expire, and which ones cover an alert right now. */
public final class Silences {
    private static final int MAX_TEXT = 500;
    private final AndonDatabase db;
    private final Plant plant;
    private final Clock clock;
    private final JsonCodec json;
    private final Duration maxLength;
    private final BTreeMap<Long, String> silences;
    private final Atomic.Long ids;

    private final PermissionPolicy policy;
    private final AuditTrail audit;

    public Silences(AndonDatabase db, Plant plant, Clock clock, JsonCodec json, Duration maxLength,
                    PermissionPolicy policy, AuditTrail audit) {
        this.policy = policy;
        this.audit = audit;
        this.db = db;
        this.plant = plant;
        this.clock = clock;
        this.json = json;
        this.maxLength = maxLength;
        this.silences = db.orderedJsonMap("rules-silences");
        this.ids = db.sequence("rules-silence-ids");
    }

    /**
     * Validates every field (400 listing each problem), checks that {@code actor} may silence that line (every line,
     * for a silence by type alone) and stores the silence with its audit record; committed when this returns.
     */
    public Silence create(SilenceRequest request, Principal actor) {
        Instant now = clock.instant();
        List<Problem> problems = new ArrayList<>();
        if (request == null) {
            throw new InvalidInputException("(body)", "a silence needs endsAt and reason");
        }
        if (actor == null) {
            throw new UnauthenticatedException("sign in first: every silence has an author");
        }
        if (request.author() != null && !request.author().isBlank() && !request.author().trim().equals(actor.id())) {
            throw new ForbiddenException("you are signed in as " + actor.id() + " and cannot silence in the name of "
                    + request.author().trim());
        }
        String kind = request.kind() == null || request.kind().isBlank() ? Silence.SILENCE : request.kind().trim();
        if (!kind.equals(Silence.SILENCE) && !kind.equals(Silence.MAINTENANCE_WINDOW)) {
            problems.add(new Problem("kind", "must be 'silence' or 'maintenance-window', got '" + kind + "'"));
        }
        String line = blankToNull(request.line());
        String station = blankToNull(request.station());
        String type = blankToNull(request.type());
        if (line != null) {
            Optional<Line> l = plant.line(line);
            if (l.isEmpty()) {
                problems.add(new Problem("line", "unknown line '" + line + "'"));
            } else if (station != null && l.get().station(station).isEmpty()) {
                problems.add(new Problem("station", "unknown station '" + station + "' on line '" + line + "'"));
            }
        } else if (station != null) {
            problems.add(new Problem("station", "a station needs its line (station ids repeat across lines)"));
        }
        if (type != null && plant.alertType(type).isEmpty()) {
            problems.add(new Problem("type", "unknown alert type '" + type + "'"));
        }
        if (line == null && type == null) {
            problems.add(new Problem("line", "a silence for every alert of the plant is not allowed: name a line or a type"));
        }
        Instant startsAt = request.startsAt() == null ? now : request.startsAt();
        Instant endsAt = request.endsAt();
        if (endsAt == null) {
            problems.add(new Problem("endsAt", "is required (ISO-8601); silences always end"));
        } else {
            if (!endsAt.isAfter(startsAt)) {
                problems.add(new Problem("endsAt", "must be after startsAt (" + startsAt + ")"));
            } else if (Duration.between(startsAt, endsAt).compareTo(maxLength) > 0) {
                problems.add(new Problem("endsAt", "a silence may last at most " + maxLength.toHours() + " h"));
            }
            if (!endsAt.isAfter(now)) {
                problems.add(new Problem("endsAt", "is in the past"));
            }
        }
        text(problems, "reason", request.reason());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireOn(actor, line);
        return db.write(() -> {
            long id = ids.incrementAndGet();
            Silence s = new Silence(Long.toString(id), kind, line, station, type, startsAt, endsAt,
                    actor.id(), request.reason().trim(), now, null, null);
            silences.put(id, json.write(s));
            audit.record(actor, "silence.create", "silence/" + s.id(), null, s);
            return s;
        });
    }

    /** Newest first; {@code includeEnded} also returns expired and finished ones (kept for the audit trail). */
    public List<Silence> list(boolean includeEnded) {
        Instant now = clock.instant();
        List<Silence> out = new ArrayList<>();
        for (String text : silences.descendingMap().values()) {
            Silence s = json.read(text, Silence.class);
            if (includeEnded || s.activeAt(now) || s.startsAt().isAfter(now) && s.expiredAt() == null) {
                out.add(s);
            }
        }
        return out;
    }

    public Silence get(String id) {
        Long key = key(id);
        String text = key == null ? null : silences.get(key);
        if (text == null) {
            throw new NotFoundException("silence", id);
        }
        return json.read(text, Silence.class);
    }

    /** Ends a silence now; alerts it suppressed stay suppressed and visible, new ones are no longer silenced. */
    public Silence expire(String id, Principal actor) {
        if (actor == null) {
            throw new UnauthenticatedException("sign in first");
        }
        return db.write(() -> {
            Silence s = get(id);
            requireOn(actor, s.line());
            if (s.expiredAt() != null) {
                return s;
            }
            Silence expired = s.expired(clock.instant(), actor.id());
            silences.put(key(id), json.write(expired));
            audit.record(actor, "silence.expire", "silence/" + id, s, expired);
            return expired;
        });
    }

    /** A silence on one line needs silences:manage there; one across the plant (by type) needs it on every line. */
    private void requireOn(Principal actor, String line) {
        if (line != null) {
            policy.require(actor, Action.SILENCES_MANAGE, line);
        } else {
            plant.lines().forEach(l -> policy.require(actor, Action.SILENCES_MANAGE, l.id()));
        }
    }

    /** The silences covering {@code alert} at {@code at}, oldest first. */
    public List<Silence> matching(Alert alert, Instant at) {
        List<Silence> out = new ArrayList<>();
        for (String text : silences.values()) {
            Silence s = json.read(text, Silence.class);
            if (s.activeAt(at) && s.matches(alert)) {
                out.add(s);
            }
        }
        return out;
    }

    private static void text(List<Problem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "is required"));
        } else if (value.length() > MAX_TEXT) {
            problems.add(new Problem(field, "is longer than " + MAX_TEXT + " characters"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Long key(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }
}
