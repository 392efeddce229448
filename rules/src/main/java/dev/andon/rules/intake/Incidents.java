package dev.andon.rules.intake;

import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.UnauthenticatedException;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.Assignee;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.plant.ShiftRoster;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.rules.JsonCodec;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Incidents (grouped alert storms): list, read, resolve; intake opens and grows them. Membership is append-only, one
 * small record per member keyed "incident|alert", so the 10,000th member of a storm costs what the first did (the
 * incident record itself only carries a count). The newest incident of each line is kept in memory for intake.
 */
public final class Incidents {
    private static final String PREFIX = "INC-";
    private static final String SEQUENCE = "rules-incident-ids";
    private final AndonDatabase db;
    private final JsonCodec json;
    private final ShiftRoster roster;
    private final AlertStore alerts;
    private final Clock clock;
    private final PermissionPolicy policy;
    private final AuditTrail audit;
    private final java.util.concurrent.ConcurrentNavigableMap<Long, String> incidents;
    private final Map<String, String> latestByLine;
    /** (incident number << 40 | alert id): one small key per member, in incident then alert order. */
    private final java.util.NavigableSet<Long> memberships;
    private final Map<String, Incident> latest = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong nextNumber;

    public Incidents(AndonDatabase db, JsonCodec json, ShiftRoster roster, AlertStore alerts, PermissionPolicy policy,
                     AuditTrail audit, Clock clock) {
        this.db = db;
        this.policy = policy;
        this.audit = audit;
        this.json = json;
        this.roster = roster;
        this.alerts = alerts;
        this.clock = clock;
        this.incidents = db.orderedJsonMap("rules-incidents");
        this.latestByLine = db.jsonMap("rules-incident-latest-by-line");
        this.memberships = db.longSet("rules-incident-members");
        this.nextNumber = new java.util.concurrent.atomic.AtomicLong(db.sequenceValue(SEQUENCE));
        migrateMemberLists();
        for (Map.Entry<String, String> e : latestByLine.entrySet()) {
            find(e.getValue()).ifPresent(i -> latest.put(e.getKey(), i));
        }
    }

    /** Incidents written before membership records carried their members inline; move them out once. */
    private void migrateMemberLists() {
        List<Long> legacy = new ArrayList<>();
        for (Map.Entry<Long, String> e : incidents.entrySet()) {
            if (e.getValue().contains("\"members\":[")) {
                legacy.add(e.getKey());
            }
        }
        if (legacy.isEmpty()) {
            return;
        }
        db.write(() -> {
            for (Long key : legacy) {
                JsonNode node = json.read(incidents.get(key), JsonNode.class);
                int n = 0;
                for (JsonNode m : node.path("members")) {
                    memberships.add(memberKey(key, m.asText()));
                    n++;
                }
                Incident i = json.read(incidents.get(key), Incident.class);
                incidents.put(key, json.write(new Incident(i.id(), i.line(), i.state(), i.openedAt(), i.lastAlertAt(), n,
                        i.summary(), i.owner(), i.resolvedAt(), i.resolvedBy())));
            }
        });
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
        return find(id).orElseThrow(() -> new NotFoundException("incident", id));
    }

    private Optional<Incident> find(String id) {
        Long key = key(id);
        String text = key == null ? null : incidents.get(key);
        return Optional.ofNullable(text).map(t -> json.read(t, Incident.class));
    }

    /** The member alert ids, oldest first. */
    public List<String> memberIds(String id) {
        Long key = key(id);
        if (key == null) {
            throw new NotFoundException("incident", id);
        }
        List<String> out = new ArrayList<>();
        for (Long k : memberships.subSet(key << ALERT_BITS, true, (key + 1) << ALERT_BITS, false)) {
            out.add(Long.toString(k & ((1L << ALERT_BITS) - 1)));
        }
        return out;
    }

    /** The member alerts, oldest first. */
    public List<AlertRecord> members(String id) {
        get(id);
        return memberIds(id).stream().map(alerts::find).flatMap(Optional::stream).toList();
    }

    /** Marks the incident handled; its alerts keep their own lifecycle. */
    public Incident resolve(String id, Principal actor) {
        if (actor == null) {
            throw new UnauthenticatedException("sign in first: resolving an incident is done by someone");
        }
        return db.write(() -> {
            Incident i = get(id);
            // who may resolve is decided here, on the incident's line, for every caller (HTTP, chat, connectors)
            policy.require(actor, Action.ALERTS_TRANSITION, i.line());
            if (!i.isOpen()) {
                return i;
            }
            Incident done = i.resolved(clock.instant(), actor.id());
            put(done);
            audit.record(actor, "incident.resolve", "incident/" + id, Map.of("state", i.state()),
                    Map.of("state", done.state(), "members", done.memberCount()));
            return done;
        });
    }

    /** The line's newest incident if it is open, from memory. */
    Optional<Incident> latestOpenOn(String line) {
        return Optional.ofNullable(latest.get(line)).filter(Incident::isOpen);
    }

    /** Reserves an incident number for intake to open later in its write (a failed write leaves a gap). */
    String nextId() {
        return PREFIX + nextNumber.incrementAndGet();
    }

    /** Opens {@code id} (from {@link #nextId}); call inside the intake write. */
    Incident open(String id, String line, List<String> members, Instant now, String summary) {
        Incident i = new Incident(id, line, Incident.OPEN, now, now, members.size(), summary, owner(line, now), null, null);
        db.raiseSequence(SEQUENCE, key(id));
        put(i);
        for (String m : members) {
            memberships.add(memberKey(key(id), m));
        }
        latestByLine.put(line, i.id());
        return i;
    }

    /** Appends a member (one small record); call inside the intake write, then {@link #grow} once per batch. */
    void addMember(String id, String alertId) {
        memberships.add(memberKey(key(id), alertId));
    }

    /** Counts {@code added} new members and the time of the last; call inside the intake write. */
    Incident grow(String id, int added, Instant at) {
        Incident now = latest.values().stream().filter(i -> i.id().equals(id)).findFirst().orElseGet(() -> get(id));
        Incident grown = now.grown(added, at);
        put(grown);
        return grown;
    }

    /** Resolves the incident by itself once every member alert is closed. Call inside the caller's write. */
    public void memberChanged(AlertRecord rec, Instant now) {
        if (rec.incidentId() == null || !rec.state().isClosed()) {
            return;
        }
        Optional<Incident> found = find(rec.incidentId());
        if (found.isEmpty() || !found.get().isOpen()) {
            return;
        }
        for (String m : memberIds(rec.incidentId())) {
            Optional<AlertRecord> r = m.equals(rec.id()) ? Optional.of(rec) : alerts.find(m);
            if (r.isPresent() && !r.get().state().isClosed()) {
                return;
            }
        }
        put(found.get().resolved(now, "andon"));
    }

    private Assignee owner(String line, Instant now) {
        return roster.onShift(now, line, "team-leader").stream().findFirst()
                .map(o -> new Assignee(o.person().id(), o.person().name(), "team-leader", "on-shift"))
                .or(() -> roster.onCall("team-leader").map(p -> new Assignee(p.id(), p.name(), "team-leader", "on-call")))
                .orElse(new Assignee(null, null, "team-leader", "nobody"));
    }

    private void put(Incident i) {
        incidents.put(key(i.id()), json.write(i));
        Incident before = latest.get(i.line());
        if (before == null || before.id().equals(i.id()) || key(before.id()) < key(i.id())) {
            latest.put(i.line(), i);
            db.onRollback(() -> {
                if (before == null) {
                    latest.remove(i.line());
                } else {
                    latest.put(i.line(), before);
                }
            });
        }
    }

    /** Alert ids below 2^40 (a trillion), incident numbers below 2^23. */
    private static final int ALERT_BITS = 40;

    private static long memberKey(long incident, String alertId) {
        return incident << ALERT_BITS | Long.parseLong(alertId);
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
