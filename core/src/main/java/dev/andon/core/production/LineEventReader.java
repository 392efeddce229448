package dev.andon.core.production;

import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.PayloadTooLargeException;
import dev.andon.core.error.Problem;
import dev.andon.core.line.StationState;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Reason;
import dev.andon.core.shift.ShiftCalendar;
import dev.andon.core.shift.ShiftOccurrence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a batch of line events ({@code {"events": [...]}}) and checks every event against the plant: known station,
 * a state from the list, a reason from the plant's reason list, counts that are whole and not negative, a time that
 * is neither in the future nor before the shift it belongs to. Every problem is reported with its path
 * ({@code events[3].reason}); one bad event refuses the whole batch, so a sender can fix and resend it as is.
 */
public final class LineEventReader {
    public static final int MAX_BATCH = 5_000;
    private static final int MAX_TEXT = 200;
    private static final Set<String> STATE_FIELDS = Set.of("state", "reason");
    private static final String STATES = "running, idle, down, blocked, starved, changeover, planned-maintenance";

    private final Plant plant;
    private final ShiftCalendar calendar;
    private final Clock clock;
    private final Duration maxFutureSkew;

    public LineEventReader(Plant plant, ShiftCalendar calendar, Clock clock, Duration maxFutureSkew) {
        this.plant = plant;
        this.calendar = calendar;
        this.clock = clock;
        this.maxFutureSkew = maxFutureSkew;
    }

    public List<LineEvent> read(String lineId, JsonNode body, String reportedBy) {
        Line line = plant.line(lineId).orElseThrow(() -> new NotFoundException("line", lineId));
        if (body == null || !body.isObject() || !body.path("events").isArray()) {
            throw new InvalidInputException("events", "is required: a list of state and count events");
        }
        JsonNode list = body.get("events");
        if (list.isEmpty()) {
            throw new InvalidInputException("events", "is empty");
        }
        if (list.size() > MAX_BATCH) {
            throw new PayloadTooLargeException("a batch of " + list.size() + " events (at most " + MAX_BATCH + ")", MAX_BATCH);
        }
        Instant now = clock.instant();
        Instant earliest = earliestAccepted(lineId, now);
        List<Problem> problems = new ArrayList<>();
        List<LineEvent> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            LineEvent ev = event(line, list.get(i), "events[" + i + "]", now, earliest, reportedBy, problems);
            if (ev != null) {
                out.add(ev);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }

    /** Events may not reach back before the shift now running (or, between shifts, the end of the last one). */
    private Instant earliestAccepted(String line, Instant now) {
        Optional<ShiftOccurrence> current = calendar.current(line, now);
        if (current.isPresent()) {
            return current.get().start();
        }
        return calendar.previous(line, now).map(ShiftOccurrence::end).orElse(Instant.MIN);
    }

    private LineEvent event(Line line, JsonNode n, String at, Instant now, Instant earliest, String reportedBy,
                            List<Problem> problems) {
        int before = problems.size();
        if (!n.isObject()) {
            problems.add(new Problem(at, "must be an object"));
            return null;
        }
        String key = text(n, "key", at, problems);
        if (key == null || key.isBlank()) {
            problems.add(new Problem(at + ".key", "is required (an idempotency key, unique per event)"));
        }
        String type = text(n, "type", at, problems);
        String station = text(n, "station", at, problems);
        if (station == null) {
            problems.add(new Problem(at + ".station", "is required"));
        } else if (line.station(station).isEmpty()) {
            problems.add(new Problem(at + ".station", "unknown station '" + station + "' on line " + line.id()));
        }
        Instant when = time(n, at, now, earliest, problems);
        if (type == null) {
            type = n.has("state") ? "state" : "count";
        }
        LineEvent.Kind kind;
        StationState state = null;
        String reason = null;
        long good = 0;
        long scrap = 0;
        long rework = 0;
        String scrapReason = null;
        switch (type) {
            case "state" -> {
                kind = LineEvent.Kind.STATE;
                String s = text(n, "state", at, problems);
                reason = text(n, "reason", at, problems);
                if (s == null) {
                    problems.add(new Problem(at + ".state", "is required (" + STATES + ")"));
                } else {
                    state = StationState.parse(s).filter(x -> x != StationState.UNKNOWN).orElse(null);
                    if (state == null) {
                        problems.add(new Problem(at + ".state", "'" + s + "' is not a station state (" + STATES + ")"));
                    }
                }
                if (reason != null && plant.reasons().downtime(reason).isEmpty()) {
                    problems.add(new Problem(at + ".reason", "unknown reason code '" + reason + "' (the plant's downtime reasons: "
                            + codes(plant.reasons().downtime()) + ")"));
                }
                if (state == StationState.DOWN && reason == null) {
                    problems.add(new Problem(at + ".reason", "is required when a station is down (a downtime reason code)"));
                }
                if (state == StationState.RUNNING && reason != null) {
                    problems.add(new Problem(at + ".reason", "a running station has no stop reason"));
                }
            }
            case "count" -> {
                kind = LineEvent.Kind.COUNT;
                good = count(n, "good", at, problems);
                scrap = count(n, "scrap", at, problems);
                rework = count(n, "rework", at, problems);
                scrapReason = text(n, "scrapReason", at, problems);
                if (scrap > 0 && scrapReason == null) {
                    problems.add(new Problem(at + ".scrapReason", "is required with scrap (a scrap reason code)"));
                }
                if (scrapReason != null && plant.reasons().scrap(scrapReason).isEmpty()) {
                    problems.add(new Problem(at + ".scrapReason", "unknown scrap reason '" + scrapReason + "' (the plant's scrap reasons: "
                            + codes(plant.reasons().scrap()) + ")"));
                }
                if (good == 0 && scrap == 0 && rework == 0 && problems.size() == before) {
                    problems.add(new Problem(at, "a count event needs good, scrap or rework above 0"));
                }
                for (String f : STATE_FIELDS) {
                    if (n.has(f)) {
                        problems.add(new Problem(at + "." + f, "belongs to a state event, not a count"));
                    }
                }
            }
            default -> {
                problems.add(new Problem(at + ".type", "must be 'state' or 'count', not '" + type + "'"));
                return null;
            }
        }
        String order = text(n, "order", at, problems);
        String product = text(n, "product", at, problems);
        String batch = text(n, "batch", at, problems);
        if (problems.size() > before) {
            return null;
        }
        return new LineEvent(key, line.id(), station, kind, when, state, reason, good, scrap, scrapReason, rework,
                order, product == null && kind == LineEvent.Kind.COUNT ? line.product() : product, batch, reportedBy, now);
    }

    private Instant time(JsonNode n, String at, Instant now, Instant earliest, List<Problem> problems) {
        String text = text(n, "at", at, problems);
        if (text == null) {
            problems.add(new Problem(at + ".at", "is required (ISO-8601 instant, e.g. 2026-11-25T08:00:00Z)"));
            return null;
        }
        Instant when;
        try {
            when = Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(at + ".at", "'" + text + "' is not an ISO-8601 instant (e.g. 2026-11-25T08:00:00Z)"));
            return null;
        }
        if (when.isAfter(now.plus(maxFutureSkew))) {
            problems.add(new Problem(at + ".at", when + " is in the future (now " + now + ")"));
        } else if (when.isBefore(earliest)) {
            problems.add(new Problem(at + ".at", when + " is before the shift it would count for (events from "
                    + earliest + " on; closed shifts cannot change)"));
        }
        return when;
    }

    private static String text(JsonNode n, String field, String at, List<Problem> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new Problem(at + "." + field, "must be a string"));
            return null;
        }
        String s = v.asText().trim();
        if (s.length() > MAX_TEXT) {
            problems.add(new Problem(at + "." + field, "is longer than " + MAX_TEXT + " characters"));
            return null;
        }
        return s.isEmpty() ? null : s;
    }

    private static long count(JsonNode n, String field, String at, List<Problem> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            problems.add(new Problem(at + "." + field, "must be a whole number"));
            return 0;
        }
        long c = v.asLong();
        if (c < 0) {
            problems.add(new Problem(at + "." + field, "must not be negative (got " + c + ")"));
            return 0;
        }
        return c;
    }

    private static String codes(List<Reason> reasons) {
        return reasons.isEmpty() ? "none defined" : String.join(", ", reasons.stream().map(Reason::code).toList());
    }
}
