package dev.andon.core.handover;

import dev.andon.core.audit.AuditTrail;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.plant.Plant;
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
import dev.andon.core.skills.Coverage;

import java.time.Clock;
import java.time.Duration;

/**
 * The shift feature's engines over one database, wired the one way they fit together: calendar and crews, line
 * events and OEE, resolution records and handover reports. Build it once per database (the stores keep in-memory
 * indexes) and share it. {@code coverage} may be null where no skills matrix is kept: reports then say nothing of gaps.
 */
public record ShiftEngines(ShiftCalendar calendar, ShiftTeams teams, LineEventStore lineEvents,
                           ProductionEvents production, KpiService kpis, ResolutionStore resolutionStore,
                           AlertResolutions resolutions, Handovers handovers) {

    public static ShiftEngines build(Plant plant, AndonDatabase db, ObjectMapper json, AlertStore alerts,
                                     StationStatusStore stations, HandoverNoteStore notes, PermissionPolicy policy,
                                     Coverage coverage, AuditTrail audit, Clock clock, Duration eventMemory,
                                     Duration maxFutureSkew) {
        ShiftCalendar calendar = new ShiftCalendar(plant);
        ShiftTeams teams = new ShiftTeams(plant, calendar, new RosterSwapStore(db, json), policy, db, audit, clock);
        LineEventStore events = new LineEventStore(db, json, clock.instant(), eventMemory);
        ProductionEvents production = new ProductionEvents(db,
                new LineEventReader(plant, calendar, clock, maxFutureSkew), events, stations, policy, audit);
        KpiService kpis = new KpiService(plant, calendar, events, clock);
        ResolutionStore resolutionStore = new ResolutionStore(db, json);
        AlertResolutions resolutions = new AlertResolutions(plant, db, resolutionStore, alerts, audit, clock);
        Handovers handovers = new Handovers(plant, db, new HandoverStore(db, json), teams, kpis, alerts, stations,
                notes, resolutionStore, policy, coverage, audit, clock);
        return new ShiftEngines(calendar, teams, events, production, kpis, resolutionStore, resolutions, handovers);
    }
}
