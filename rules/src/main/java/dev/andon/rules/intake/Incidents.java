package dev.andon.rules.intake;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.Assignee;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.plant.ShiftRoster;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.rules.JsonCodec;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.HTreeMap;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Incidents (grouped alert storms): list, read, resolve; intake opens and grows them. */
public final class Incidents {
    private static final String PREFIX = "INC-";
    private final AndonDatabase db;
    private final JsonCodec json;
    private final ShiftRoster roster;
    private final AlertStore alerts;
    private final Clock clock;
    private final BTreeMap<Long, String> incidents;
    private final HTreeMap<String, String> latestByLine;
    private final Atomic.Long ids;

    public Incidents(AndonDatabase db, JsonCodec json, ShiftRoster roster, AlertStore alerts, Clock clock) {
        this.db = db;
        this.json = json;
        this.roster = roster;
        this.alerts = alerts;
        this.clock = clock;
        this.incidents = db.orderedJsonMap("rules-incidents");
        this.latestByLine = db.jsonMap("rules-incident-latest-by-line");
        this.ids = db.sequence("rules-incident-ids");
    }

    /** Newest first; {@code line} null = every line. */
    public List<Incident> list(String line, boolean openOnly) {
        List<Incident> out = new ArrayList<>();
        for (String text : incidents.descendingMap().values()) {
            Incident i = json.read(text, Incident.class);
            if ((line == null || line.equals(i.line())) && (!openOnly || i.isOpen())) {
                out.add(i);
            }
        }
        return out;
    }

    public Incident get(String id) {
        Long key = key(id);
        String text = key == null ? null : incidents.get(key);
        if (text == null) {
            throw new NotFoundException("incident", id);
        }
        return json.read(text, Incident.class);
    }

    /** The member alerts, oldest first. */
    public List<AlertRecord> members(String id) {
        return get(id).members().stream().map(alerts::find).flatMap(Optional::stream).toList();
    }

    /** Marks the incident handled; its alerts keep their own lifecycle. */
    public Incident resolve(String id, String actor) {
        if (actor == null || actor.isBlank()) {
            throw new InvalidInputException("actor", "is required");
        }
        return db.write(() -> {
            Incident i = get(id);
            if (!i.isOpen()) {
                return i;
            }
            Incident done = i.resolved(clock.instant(), actor.trim());
            put(done);
            return done;
        });
    }

    Optional<Incident> latestOpenOn(String line) {
        return Optional.ofNullable(latestByLine.get(line)).map(this::get).filter(Incident::isOpen);
    }

    Incident open(String line, List<String> members, Instant now, String summary) {
        long n = ids.incrementAndGet();
        Incident i = new Incident(PREFIX + n, line, Incident.OPEN, now, now, members, summary, owner(line, now), null, null);
        put(i);
        latestByLine.put(line, i.id());
        return i;
    }

    void save(Incident i) {
        put(i);
    }

    /** Resolves the incident by itself once every member alert is closed. Call inside the caller's write. */
    public void memberChanged(AlertRecord rec, Instant now) {
        if (rec.incidentId() == null) {
            return;
        }
        Incident i;
        try {
            i = get(rec.incidentId());
        } catch (NotFoundException e) {
            return;
        }
        if (i.isOpen() && members(i.id()).stream().allMatch(r -> r.state().isClosed())) {
            put(i.resolved(now, "andon"));
        }
    }

    private Assignee owner(String line, Instant now) {
        return roster.onShift(now, line, "team-leader").stream().findFirst()
                .map(o -> new Assignee(o.person().id(), o.person().name(), "team-leader", "on-shift"))
                .or(() -> roster.onCall("team-leader").map(p -> new Assignee(p.id(), p.name(), "team-leader", "on-call")))
                .orElse(new Assignee(null, null, "team-leader", "nobody"));
    }

    private void put(Incident i) {
        incidents.put(key(i.id()), json.write(i));
    }

    private static Long key(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return null;
        }
        try {
            return Long.parseLong(id.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
