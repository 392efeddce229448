package dev.andon.core.testing;

import dev.andon.core.audit.AuditTrail;
import dev.andon.core.skills.Coverage;
import dev.andon.core.skills.SkillCatalog;
import dev.andon.core.skills.SkillsMatrix;
import dev.andon.core.skills.Staffing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Assignee;
import dev.andon.core.alert.Decision;
import dev.andon.core.alert.ActionStep;
import dev.andon.core.alert.Severity;
import dev.andon.core.handover.HandoverNoteStore;
import dev.andon.core.handover.HandoverStore;
import dev.andon.core.handover.Handovers;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.identity.Principal;
import dev.andon.core.intake.AlertLifecycle;
import dev.andon.core.json.AndonJson;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import dev.andon.core.production.KpiService;
import dev.andon.core.production.LineEventReader;
import dev.andon.core.production.LineEventStore;
import dev.andon.core.production.ProductionEvents;
import dev.andon.core.resolution.AlertResolutions;
import dev.andon.core.resolution.ResolutionStore;
import dev.andon.core.shift.RosterSwapStore;
import dev.andon.core.shift.ShiftCalendar;
import dev.andon.core.shift.ShiftTeams;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The shift engines over the sample plant and a real MapDB file in a test folder, wired as the application does. */
public final class ShiftWorld implements AutoCloseable {
    public static final Path SAMPLE = Path.of("../sample-plant/plant.yaml");
    public static final ObjectMapper JSON = AndonJson.newMapper();

    public final Plant plant;
    public final MutableClock clock;
    public final AndonDatabase db;
    public final AlertStore alerts;
    public final StationStatusStore stations;
    public final HandoverNoteStore notes;
    public final ShiftCalendar calendar;
    public final ShiftTeams teams;
    public final LineEventStore eventStore;
    public final ProductionEvents events;
    public final KpiService kpis;
    public final ResolutionStore resolutionStore;
    public final AlertResolutions resolutions;
    public final Handovers handovers;
    public final AlertLifecycle lifecycle;
    public final PlantPeople people;
    public final AuditTrail audit;
    public final PermissionPolicy policy = PermissionPolicy.bundled();

    public ShiftWorld(Path dir, Instant now) {
        this(new PlantLoader().load(SAMPLE), dir, now);
    }

    public ShiftWorld(Plant plant, Path dir, Instant now) {
        this.plant = plant;
        this.clock = new MutableClock(now);
        this.db = AndonDatabase.open(dir);
        this.alerts = new AlertStore(db, JSON);
        this.stations = new StationStatusStore(db, JSON);
        this.audit = new AuditTrail(db, JSON, clock);
        this.notes = new HandoverNoteStore(db, JSON, policy, audit);
        this.calendar = new ShiftCalendar(plant);
        this.teams = new ShiftTeams(plant, calendar, new RosterSwapStore(db, JSON), policy, db, audit, clock);
        this.eventStore = new LineEventStore(db, JSON, now, Duration.ofDays(35));
        this.events = new ProductionEvents(db, new LineEventReader(plant, calendar, clock, Duration.ofMinutes(5)),
                eventStore, stations, policy, audit);
        this.kpis = new KpiService(plant, calendar, eventStore, clock);
        this.resolutionStore = new ResolutionStore(db, JSON);
        this.resolutions = new AlertResolutions(plant, db, resolutionStore, alerts, audit, clock);
        this.handovers = new Handovers(plant, db, new HandoverStore(db, JSON), teams, kpis, alerts, stations, notes,
                resolutionStore, policy,
                new Coverage(plant, SkillCatalog.of(plant), new SkillsMatrix(db, JSON, plant, SkillCatalog.of(plant), policy, clock),
                        Staffing.fromRoster(plant)), audit, clock);
        this.lifecycle = (id, to, actor, note) -> alerts.transition(id, to, actor.id(), note, clock.instant());
        this.people = new PlantPeople(plant);
    }

    public Principal who(String personId) {
        return people.principalOf(personId).orElseThrow();
    }

    /** An alert as the intake would store it: assigned to {@code owner} with one step. */
    public AlertRecord raise(String line, String station, String type, Instant at, String owner) {
        Alert a = new Alert(null, "test-model", "1", line, station, type, Severity.HIGH, 0.9, at, at, Map.of());
        return alerts.insert(a, r -> r.withDecision(new Decision("rb", "maintenance",
                new Assignee(owner, plant.person(owner).map(p -> p.name()).orElse(owner), "maintenance", "on-shift"),
                List.of(new ActionStep(1, "Check the hydraulic unit", "maintenance", null, false)),
                at.plusSeconds(600), at.plusSeconds(3600), List.of(), null, List.of(), "v1", at))
                .movedTo(AlertState.ASSIGNED, "system", at, null));
    }

    public static ObjectNode state(String key, String station, String state, String reason, Instant at) {
        ObjectNode n = JSON.createObjectNode().put("key", key).put("type", "state").put("station", station)
                .put("state", state).put("at", at.toString());
        if (reason != null) {
            n.put("reason", reason);
        }
        return n;
    }

    public static ObjectNode count(String key, String station, long good, long scrap, String scrapReason, Instant at) {
        ObjectNode n = JSON.createObjectNode().put("key", key).put("type", "count").put("station", station)
                .put("good", good).put("scrap", scrap).put("at", at.toString()).put("order", "ORD-1").put("batch", "B-1");
        if (scrapReason != null) {
            n.put("scrapReason", scrapReason);
        }
        return n;
    }

    public static JsonNode batch(ObjectNode... events) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("events");
        for (ObjectNode e : events) {
            list.add(e);
        }
        return body;
    }

    @Override
    public void close() {
        db.close();
    }
}
