package dev.andon.rules.intake;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Severity;
import dev.andon.core.alert.Transition;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.store.AlertQuery;
import dev.andon.rules.silence.Silence;
import dev.andon.rules.silence.SilenceRequest;
import dev.andon.rules.support.Alerts;
import dev.andon.rules.support.Rig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AlertIntakeTest {
    @TempDir
    Path dir;
    Rig rig;
    final List<AlertRecord> heard = new ArrayList<>();

    @BeforeEach
    void start() {
        rig = Rig.start(dir, Alerts.EARLY_SHIFT);
        rig.runbooks.onChange(heard::add);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private AlertRecord receive(Alert alert) {
        return rig.runbooks.intake().receive(alert, Alerts.GATEWAY);
    }

    private Alert now(String line, String station, String type, double confidence) {
        return Alerts.alert("model-" + type, line, station, type, Severity.HIGH, confidence, rig.clock.instant());
    }

    @Test
    void receivedAlertIsDecidedAssignedAndOnDiskWhenReceiveReturns() {
        AlertRecord rec = receive(Alerts.pressVibration(0.82, rig.clock.instant()));

        assertThat(rec.id()).isEqualTo("1");
        assertThat(rec.state()).isEqualTo(AlertState.ASSIGNED);
        assertThat(rec.history()).singleElement().extracting(Transition::from, Transition::to, Transition::actor)
                .containsExactly(AlertState.NEW, AlertState.ASSIGNED, "andon");
        assertThat(rec.decision().assignee().person()).isEqualTo("marco.ferri");
        assertThat(rec.decision().rulesetVersion()).isEqualTo("v1");
        assertThat(heard).extracting(AlertRecord::id).containsExactly("1");

        rig.restart();

        AlertRecord reread = rig.alerts.get("1");
        assertThat(reread.decision()).isEqualTo(rec.decision());
        assertThat(reread.state()).isEqualTo(AlertState.ASSIGNED);
    }

    @Test
    void sameFingerprintWithinTheWindowCountsUpOnTheOpenAlert() {
        AlertRecord first = receive(Alerts.pressVibration(0.82, rig.clock.instant()));
        rig.clock.advance(Duration.ofMinutes(3));
        AlertRecord second = receive(Alerts.pressVibration(0.85, rig.clock.instant()));
        rig.clock.advance(Duration.ofMinutes(3));
        AlertRecord third = receive(Alerts.pressVibration(0.88, rig.clock.instant()));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(third.id()).isEqualTo(first.id());
        assertThat(third.occurrences()).isEqualTo(3);
        assertThat(third.lastSeenAt()).isEqualTo(rig.clock.instant());
        assertThat(rig.alerts.count()).isEqualTo(1);
    }

    @Test
    void repeatAfterTheDedupWindowOpensANewAlert() {
        AlertRecord first = receive(Alerts.pressVibration(0.82, rig.clock.instant()));
        rig.clock.advance(Duration.ofMinutes(11));

        AlertRecord later = receive(Alerts.pressVibration(0.82, rig.clock.instant()));

        assertThat(later.id()).isNotEqualTo(first.id());
        assertThat(later.occurrences()).isEqualTo(1);
    }

    private List<dev.andon.core.audit.AuditRecord> audited(String object) {
        return new dev.andon.core.audit.AuditTrail(rig.db, dev.andon.core.json.AndonJson.newMapper(), rig.clock)
                .query(new dev.andon.core.audit.AuditQuery(null, object, null, null, 100));
    }

    @Test
    void eachNewAlertIsAuditedInItsCommitWithWhoRaisedItAndWhatWasDecided() {
        dev.andon.core.identity.Principal gateway = Alerts.GATEWAY.inRequest("req-7");
        AlertRecord rec = rig.runbooks.intake().receive(Alerts.pressVibration(0.82, rig.clock.instant()), gateway);

        assertThat(audited("alert/" + rec.id())).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo(gateway.id());
            assertThat(r.action()).isEqualTo("alert.raise");
            assertThat(r.requestId()).isEqualTo("req-7");
            assertThat(r.after().get("line").asText()).isEqualTo("L2");
            assertThat(r.after().get("type").asText()).isEqualTo("vibration-anomaly");
            assertThat(r.after().get("ownerRole").asText()).isEqualTo(rec.decision().ownerRole());
            assertThat(r.after().get("person").asText()).isEqualTo("marco.ferri");
            assertThat(r.after().get("ruleset").asText()).isEqualTo("v1");
            assertThat(r.after().get("state").asText()).isEqualTo("assigned");
        });
        rig.restart();
        assertThat(audited("alert/" + rec.id())).as("committed with the alert").hasSize(1);
    }

    @Test
    void aRepeatFoldedIntoAnOpenAlertIsAuditedOnThatAlertInTheNameOfWhoeverSentIt() {
        AlertRecord first = receive(Alerts.pressVibration(0.82, rig.clock.instant()));
        dev.andon.core.identity.Principal other = rig.as("luca.bianchi").inRequest("req-9");
        AlertRecord again = rig.runbooks.intake().receive(Alerts.pressVibration(0.85, rig.clock.instant()), other);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(audited("alert/" + first.id())).extracting(r -> r.action() + " " + r.actor() + " " + r.requestId())
                .containsExactly("alert.repeat luca.bianchi req-9", "alert.raise " + Alerts.GATEWAY.id() + " null");
        assertThat(audited("alert/" + first.id()).get(0).after().get("occurrences").asInt()).isEqualTo(2);
    }

    @Test
    void alertStormOnOneLineBecomesOneIncidentWithItsMembers() {
        List<AlertRecord> storm = new ArrayList<>();
        storm.add(receive(now("L1", "feeder-1", "vibration-anomaly", 0.9)));
        storm.add(receive(now("L1", "robot-2", "tool-wear", 0.9)));
        rig.clock.advance(Duration.ofSeconds(30));
        storm.add(receive(now("L1", "robot-2", "temperature-drift", 0.9)));
        storm.add(receive(now("L1", "vision-4", "vision-defect", 0.9)));
        assertThat(rig.runbooks.incidents().list("L1", true)).isEmpty();
        receive(now("L2", "press-3", "tool-wear", 0.9));

        storm.add(receive(now("L1", "pack-5", "andon-cord", 1.0)));

        List<Incident> incidents = rig.runbooks.incidents().list(null, true);
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo("L1");
            assertThat(i.memberCount()).isEqualTo(5);
            assertThat(rig.runbooks.incidents().memberIds(i.id())).containsExactlyElementsOf(storm.stream().map(AlertRecord::id).toList());
            assertThat(i.owner().person()).isEqualTo("paolo.greco");
            assertThat(i.summary()).contains("5 alerts on L1");
        });
        String id = incidents.get(0).id();
        assertThat(rig.alerts.list(AlertQuery.openOn("L1"))).allMatch(r -> id.equals(r.incidentId()));
        assertThat(rig.alerts.list(AlertQuery.openOn("L2"))).allMatch(r -> r.incidentId() == null);

        rig.clock.advance(Duration.ofSeconds(20));
        AlertRecord late = receive(now("L1", "feeder-1", "power-failure-risk", 0.9));
        assertThat(late.incidentId()).isEqualTo(id);
        assertThat(rig.runbooks.incidents().get(id).memberCount()).isEqualTo(6);
        assertThat(rig.runbooks.incidents().memberIds(id)).hasSize(6).endsWith(late.id());
        assertThat(audited("alert/" + storm.get(4).id()).get(0).after().get("opensIncident").asBoolean()).isTrue();
        assertThat(audited("alert/" + late.id()).get(0).after().get("incident").asText()).isEqualTo(id);
    }

    @Test
    void starvedAlertDownstreamOfAStoppedStationIsSuppressedAndLinkedToTheCause() {
        AlertRecord cause = receive(Alerts.pressVibration(0.9, rig.clock.instant()));
        rig.stationDown("L2", "press-3", "vibration: stopped for inspection");

        AlertRecord starved = receive(now("L2", "station-4", "station-starved", 1.0));
        AlertRecord blockedUpstream = receive(now("L2", "coil-1", "station-blocked", 1.0));
        AlertRecord blockedDownstream = receive(now("L2", "vision-5", "station-blocked", 1.0));

        assertThat(starved.state()).isEqualTo(AlertState.SUPPRESSED);
        assertThat(starved.suppressedBy()).isEqualTo(cause.id());
        assertThat(starved.history()).last().extracting(Transition::note).asString()
                .contains("press-3").contains("is down");
        assertThat(blockedUpstream.state()).isEqualTo(AlertState.SUPPRESSED);
        assertThat(blockedUpstream.suppressedBy()).isEqualTo(cause.id());
        assertThat(blockedDownstream.state()).as("nothing downstream of vision-5 is down").isEqualTo(AlertState.ASSIGNED);
        assertThat(rig.alerts.list(new AlertQuery("L2", null, AlertState.SUPPRESSED, false, null, 100)))
                .as("suppressed alerts are kept and visible").extracting(AlertRecord::id)
                .containsExactlyInAnyOrder(starved.id(), blockedUpstream.id());
        assertThat(rig.runbooks.escalations().pending(starved.id())).isEmpty();
    }

    @Test
    void stoppedStationWithoutAnAlertIsNamedAsTheCause() {
        rig.stationDown("L1", "feeder-1", "no parts in the bowl");

        AlertRecord starved = receive(now("L1", "robot-2", "station-starved", 1.0));

        assertThat(starved.state()).isEqualTo(AlertState.SUPPRESSED);
        assertThat(starved.suppressedBy()).isEqualTo("station:L1/feeder-1");
    }

    @Test
    void maintenanceWindowSuppressesMatchingAlertsButKeepsThemVisible() {
        Silence window = rig.runbooks.silences().create(new SilenceRequest(Silence.MAINTENANCE_WINDOW, "L2", "press-3", null,
                null, rig.clock.instant().plus(Duration.ofHours(2)), null, "die change on press 3"), rig.as("marco.ferri"));

        AlertRecord silenced = receive(Alerts.pressVibration(0.9, rig.clock.instant()));
        AlertRecord elsewhere = receive(now("L2", "coil-1", "vibration-anomaly", 0.9));

        assertThat(silenced.state()).isEqualTo(AlertState.SUPPRESSED);
        assertThat(silenced.suppressedBy()).isEqualTo("silence:" + window.id());
        assertThat(audited("alert/" + silenced.id())).singleElement().satisfies(r -> {
            assertThat(r.after().get("state").asText()).isEqualTo("suppressed");
            assertThat(r.after().get("suppressedBy").asText()).isEqualTo("silence:" + window.id());
        });
        assertThat(silenced.history()).last().extracting(Transition::note).asString().contains("die change on press 3");
        assertThat(silenced.decision()).as("the decision is still made, for when it is released").isNotNull();
        assertThat(silenced.decision().flags()).contains("silenced");
        assertThat(elsewhere.state()).isEqualTo(AlertState.ASSIGNED);

        rig.clock.advance(Duration.ofMinutes(2));
        AlertRecord repeat = receive(Alerts.pressVibration(0.9, rig.clock.instant()));
        assertThat(repeat.id()).as("a silenced model that keeps sending counts up").isEqualTo(silenced.id());
        assertThat(repeat.occurrences()).isEqualTo(2);

        rig.runbooks.silences().expire(window.id(), rig.as("marco.ferri"));
        rig.clock.advance(Duration.ofMinutes(11));
        AlertRecord after = receive(Alerts.pressVibration(0.9, rig.clock.instant()));
        assertThat(after.state()).isEqualTo(AlertState.ASSIGNED);
        assertThat(rig.runbooks.silences().list(false)).isEmpty();
        assertThat(rig.runbooks.silences().list(true)).singleElement()
                .satisfies(s -> assertThat(s.expiredBy()).isEqualTo("marco.ferri"));
    }

    @Test
    void silenceWithoutEndReasonOrKnownLineIsRefusedListingEveryProblem() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> rig.runbooks.silences().create(
                new SilenceRequest("holiday", "L9", "press-3", "weather", null, null, "", null), rig.as("marco.ferri")));

        assertThat(e.problems()).extracting(Problem::field)
                .containsExactlyInAnyOrder("kind", "line", "type", "endsAt", "reason");
    }

    @Test
    void alertThatOpensAndClosesRepeatedlyIsFlaggedFlappingAndGoesToMaintenance() {
        AlertRecord last = null;
        for (int i = 0; i < 3; i++) {
            last = receive(now("L1", "robot-2", "tool-wear", 0.9));
            if (i < 2) {
                assertThat(last.decision().flags()).doesNotContain("flapping");
                assertThat(last.decision().ownerRole()).isEqualTo("operator");
                rig.runbooks.lifecycle().transition(last.id(), AlertState.RESOLVED, rig.as("sara.neri"), "wear within limits");
                rig.clock.advance(Duration.ofMinutes(4));
            }
        }

        assertThat(last.decision().flags()).contains("flapping");
        assertThat(last.decision().ownerRole()).isEqualTo("maintenance");
        assertThat(last.decision().assignee().person()).isEqualTo("marco.ferri");
    }

    @Test
    void aRestartedIntakeStillKnowsEachLinesOpenAlertsAndRecentHistory() {
        AlertRecord onL2 = receive(Alerts.pressVibration(0.82, rig.clock.instant()));
        for (int i = 0; i < 2; i++) {
            AlertRecord onL1 = receive(now("L1", "robot-2", "tool-wear", 0.9));
            rig.runbooks.lifecycle().transition(onL1.id(), AlertState.RESOLVED, rig.as("sara.neri"), "wear within limits");
            rig.clock.advance(Duration.ofMinutes(4));
        }

        rig.restart();
        AlertRecord repeat = receive(Alerts.pressVibration(0.85, rig.clock.instant()));
        AlertRecord thirdOnL1 = receive(now("L1", "robot-2", "tool-wear", 0.9));

        assertThat(repeat.id()).isEqualTo(onL2.id());
        assertThat(repeat.occurrences()).isEqualTo(2);
        assertThat(thirdOnL1.decision().flags()).contains("flapping");
        assertThat(thirdOnL1.decision().ownerRole()).isEqualTo("maintenance");
    }

    @Test
    void concurrentSendersEachGetTheirOwnCommittedAlertAndSimultaneousRepeatsCountUp() throws Exception {
        int threads = 8;
        int perThread = 15;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<AlertRecord>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<AlertRecord> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(receive(Alerts.alert("model-" + thread + "-" + i, i % 2 == 0 ? "L1" : "L2",
                                i % 2 == 0 ? "robot-2" : "press-3", "tool-wear", Severity.MEDIUM, 0.9, rig.clock.instant())));
                    }
                    return mine;
                }));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var f : futures) {
                for (AlertRecord r : f.get()) {
                    ids.add(r.id());
                    assertThat(r.decision()).isNotNull();
                }
            }
            assertThat(ids).hasSize(threads * perThread);

            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<AlertRecord>> same = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                same.add(pool.submit(() -> {
                    go.await();
                    return receive(Alerts.pressVibration(0.9, rig.clock.instant()));
                }));
            }
            go.countDown();
            java.util.Set<String> sameIds = new java.util.HashSet<>();
            for (var f : same) {
                sameIds.add(f.get().id());
            }
            assertThat(sameIds).hasSize(1);
            assertThat(rig.alerts.get(sameIds.iterator().next()).occurrences()).isEqualTo(threads);
        } finally {
            pool.shutdownNow();
        }
        rig.restart();
        assertThat(rig.alerts.count()).isEqualTo(threads * perThread + 1);
    }

    @Test
    void aStormFromConcurrentSendersCommittedInManyBatchesIsOneIncidentHoldingEveryAlert() throws Exception {
        // the next batch is decided while the one before is still being written: it must join that batch's incident
        int threads = 8;
        int perThread = 40;
        String[] stations = {"feeder-1", "robot-2", "vision-4", "pack-5"};
        long commitsBefore = rig.runbooks.intakeStats().commits();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sent.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        ids.add(receive(Alerts.alert("storm-" + thread + "-" + i, "L1", stations[i % stations.length],
                                "tool-wear", Severity.MEDIUM, 0.9, rig.clock.instant())).id());
                    }
                    return null;
                }));
            }
            for (var f : sent) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(rig.runbooks.intakeStats().commits() - commitsBefore).isGreaterThan(1);
        List<Incident> incidents = rig.runbooks.incidents().list("L1", false);
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.memberCount()).isEqualTo(threads * perThread);
            assertThat(rig.runbooks.incidents().memberIds(i.id())).containsExactlyInAnyOrderElementsOf(ids);
        });
        assertThat(rig.alerts.list(AlertQuery.openOn("L1"))).allMatch(r -> incidents.get(0).id().equals(r.incidentId()));
    }

    @Test
    void alertForAnUnknownLineOrTypeIsRefusedListingEachProblem() {
        Alert bad = new Alert(null, "", "1", "L9", "press-3", "earthquake", Severity.HIGH, 1.5,
                rig.clock.instant(), rig.clock.instant(), Map.of());

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> receive(bad));

        assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder("source", "line", "type", "confidence");
        assertThat(rig.alerts.count()).isZero();
    }
}
