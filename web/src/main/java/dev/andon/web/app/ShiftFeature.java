package dev.andon.web.app;

import dev.andon.core.audit.AuditTrail;
import dev.andon.core.skills.Coverage;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.config.AndonSettings;
import dev.andon.core.events.EventAddresses;
import dev.andon.core.handover.HandoverMarkdown;
import dev.andon.core.handover.HandoverNoteStore;
import dev.andon.core.handover.Handovers;
import dev.andon.core.handover.ShiftEngines;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.line.StationStatus;
import dev.andon.core.plant.Plant;
import dev.andon.core.production.BatchResult;
import dev.andon.core.production.KpiService;
import dev.andon.core.production.ProductionEvents;
import dev.andon.core.production.ProductionListener;
import dev.andon.core.resolution.AlertResolutions;
import dev.andon.core.shift.ShiftTeams;
import dev.andon.core.schedule.Scheduler;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import dev.andon.web.api.HandoverHtml;
import dev.andon.web.api.HandoverRoutes;
import dev.andon.web.api.ProductionRoutes;
import dev.andon.web.api.ResolutionRoutes;
import dev.andon.web.api.ShiftRoutes;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.EventPublisher;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.ext.web.Router;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The shift feature's parts (calendar and roster swaps, line events and OEE, handover reports, resolution records),
 * built in one place so the composition root only wires them in.
 */
public final class ShiftFeature {

    public final Plant plant;
    public final ShiftTeams teams;
    public final ProductionEvents production;
    public final KpiService kpis;
    public final AlertResolutions resolutions;
    public final Handovers handovers;
    private final AlertStore alerts;
    private final StationStatusStore stations;
    private final PermissionPolicy policy;
    private final Clock clock;
    private final long draftEveryMs;

    private ShiftFeature(Plant plant, ShiftTeams teams, ProductionEvents production, KpiService kpis,
                         AlertResolutions resolutions, Handovers handovers, AlertStore alerts,
                         StationStatusStore stations, PermissionPolicy policy, Clock clock, long draftEveryMs) {
        this.plant = plant;
        this.teams = teams;
        this.production = production;
        this.kpis = kpis;
        this.resolutions = resolutions;
        this.handovers = handovers;
        this.alerts = alerts;
        this.stations = stations;
        this.policy = policy;
        this.clock = clock;
        this.draftEveryMs = draftEveryMs;
    }

    public static ShiftFeature build(Plant plant, AndonSettings settings, AndonDatabase db, ObjectMapper json,
                                     AlertStore alerts, StationStatusStore stations, HandoverNoteStore notes,
                                     PermissionPolicy policy, Coverage coverage, AuditTrail audit, Clock clock) {
        ShiftEngines e = ShiftEngines.build(plant, db, json, alerts, stations, notes, policy, coverage, audit, clock,
                Duration.ofDays(settings.getLong("lineEventMemoryDays", 35)),
                Duration.ofSeconds(settings.getLong("maxFutureSkewSeconds", 300)));
        return new ShiftFeature(plant, e.teams(), e.production(), e.kpis(), e.resolutions(), e.handovers(), alerts,
                stations, policy, clock,
                settings.getLong("handoverDraftCheckSeconds", 60) * 1000);
    }

    /** Station changes, production batches and handover steps go out on the event bus (SSE, the board). */
    public void publishTo(EventPublisher events) {
        production.addListener(new ProductionListener() {
            @Override
            public void stationChanged(StationStatus status) {
                events.publish(EventAddresses.STATION_STATUS, status);
            }

            @Override
            public void recorded(BatchResult result) {
                if (result.accepted() > 0) {
                    events.publish(EventAddresses.LINE_EVENTS, Map.of("line", result.line(), "accepted", result.accepted()));
                }
            }
        });
        handovers.addListener((report, step, who) -> events.publish(EventAddresses.HANDOVER_STEP, Map.of(
                "id", report.id(), "line", report.line(), "status", report.status(), "step", step)));
    }

    public List<Consumer<Router>> routes(EngineWorkers workers, RequestBodies bodies, JsonResponses responses) {
        return List.of(
                new ShiftRoutes(teams, policy, workers, bodies, responses, clock)::mount,
                new ProductionRoutes(plant, production, kpis, stations, alerts, policy, workers, bodies, responses, clock)::mount,
                new HandoverRoutes(handovers, new HandoverMarkdown(plant.timezone()), new HandoverHtml(plant.timezone()),
                        workers, bodies, responses)::mount,
                new ResolutionRoutes(resolutions, alerts, policy, workers, responses)::mount);
    }

    /** Drafts the report of each shift that ended, checked every {@code draftEveryMs} on the node's scheduler. */
    public Scheduler.Task draftAtShiftEnd(Scheduler scheduler) {
        return scheduler.every("handover-drafts", Duration.ofSeconds(1), Duration.ofMillis(draftEveryMs),
                () -> handovers.draftEnded(clock.instant()));
    }
}
