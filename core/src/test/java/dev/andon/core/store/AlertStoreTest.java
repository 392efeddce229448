package dev.andon.core.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Severity;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.json.AndonJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertStoreTest {
    static final ObjectMapper JSON = AndonJson.newMapper();
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    static Alert alert(String line, String station) {
        return new Alert(null, "vibration-model", "2.3.1", line, station, "vibration-anomaly", Severity.HIGH, 0.82,
                T0, T0, Map.of("rms_mm_s", 11.4));
    }

    @Test
    void givesSequentialIdsAndKeepsAlertsAcrossReopen(@TempDir Path dir) {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON);
            assertThat(store.insert(alert("L2", "press-3"), r -> r).id()).isEqualTo("1");
            assertThat(store.insert(alert("L1", "robot-2"), r -> r).id()).isEqualTo("2");
        }
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON);
            assertThat(store.get("1").alert().station()).isEqualTo("press-3");
            assertThat(store.get("1").alert().payload()).containsEntry("rms_mm_s", 11.4);
            assertThat(store.insert(alert("L2", "press-3"), r -> r).id()).isEqualTo("3");
            assertThat(store.list(AlertQuery.openOn("L2"))).extracting(AlertRecord::id).containsExactly("3", "1");
        }
    }

    @Test
    void aFailedWriteLeavesNothingHalfWritten(@TempDir Path dir) {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON);
            store.insert(alert("L2", "press-3"), r -> r);

            assertThatThrownBy(() -> store.insert(alert("L2", "press-3"), r -> {
                throw new IllegalStateException("rules exploded");
            })).hasMessage("rules exploded");

            assertThat(store.count()).isEqualTo(1);
            assertThat(store.insert(alert("L2", "press-3"), r -> r).id()).isEqualTo("2");
        }
    }

    @Test
    void aRolledBackChangeIsNotServedFromMemoryEither(@TempDir Path dir) {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON);
            AlertRecord rec = assigned(store, "L2", "press-3");

            assertThatThrownBy(() -> db.write(() -> {
                store.save(rec.movedTo(AlertState.RESOLVED, "marco.ferri", T0, null));
                throw new IllegalStateException("disk full");
            })).hasMessage("disk full");

            assertThat(store.get(rec.id()).state()).isEqualTo(AlertState.ASSIGNED);
            assertThat(store.list(AlertQuery.openOn("L2"))).extracting(AlertRecord::id).containsExactly(rec.id());
        }
    }

    @Test
    void openAlertsAreListedPerLineBeyondTheMemoryWindow(@TempDir Path dir) {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON, 3);
            String first = assigned(store, "L1", "robot-2").id();
            for (int i = 0; i < 10; i++) {
                String id = assigned(store, "L2", "press-3").id();
                store.transition(id, AlertState.RESOLVED, "marco.ferri", null, T0);
            }
            assertThat(store.list(AlertQuery.openOn("L1"))).extracting(AlertRecord::id).containsExactly(first);
            assertThat(store.list(AlertQuery.openOn("L2"))).isEmpty();
            assertThat(store.list(AlertQuery.all())).hasSize(11);
        }
    }

    @Test
    void illegalTransitionIsRefusedAndLegalOneRecordsActor(@TempDir Path dir) {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON);
            String id = assigned(store, "L2", "press-3").id();

            assertThatThrownBy(() -> store.transition(id, AlertState.IN_PROGRESS, "anna.rossi", null, T0))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("assigned");
            AlertRecord acked = store.transition(id, AlertState.ACKNOWLEDGED, "anna.rossi", "on my way", T0.plusSeconds(60));

            assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
            assertThat(acked.history()).last().satisfies(t -> {
                assertThat(t.actor()).isEqualTo("anna.rossi");
                assertThat(t.from()).isEqualTo(AlertState.ASSIGNED);
            });
            assertThatThrownBy(() -> store.get("999")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> store.get("abc")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void openFingerprintIsTrackedUntilResolved(@TempDir Path dir) {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON);
            AlertRecord rec = assigned(store, "L2", "press-3");
            String fp = rec.alert().fingerprint();
            assertThat(store.openWithFingerprint(fp)).map(AlertRecord::id).contains(rec.id());

            store.transition(rec.id(), AlertState.RESOLVED, "marco.ferri", "bearing replaced", T0);
            assertThat(store.openWithFingerprint(fp)).isEmpty();
        }
    }

    @Test
    void alertsStoredAsTextByAnEarlierVersionAreReadAfterTheUpgrade(@TempDir Path dir) throws Exception {
        try (org.mapdb.DB raw = org.mapdb.DBMaker.fileDB(dir.resolve(AndonDatabase.FILE_NAME).toFile())
                .transactionEnable().fileChannelEnable().make()) {
            var legacy = raw.treeMap("alerts", org.mapdb.Serializer.LONG, org.mapdb.Serializer.STRING).createOrOpen();
            AlertRecord rec = AlertRecord.received(new Alert("1", "vibration-model", "2.3.1", "L2", "press-3",
                    "vibration-anomaly", Severity.HIGH, 0.82, T0, T0, Map.of("rms_mm_s", 11.4)))
                    .movedTo(AlertState.ASSIGNED, "andon", T0, null);
            legacy.put(1L, JSON.writeValueAsString(rec));
            raw.treeMap("alerts-open-line-by-id", org.mapdb.Serializer.LONG, org.mapdb.Serializer.STRING).createOrOpen()
                    .put(1L, "L2");
            raw.atomicLong("alert-ids").createOrOpen().set(1);
            raw.commit();
        }
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON);
            assertThat(store.get("1").alert().payload()).containsEntry("rms_mm_s", 11.4);
            assertThat(store.list(AlertQuery.openOn("L2"))).extracting(AlertRecord::id).containsExactly("1");
            assertThat(store.openCountByStation("L2")).containsEntry("press-3", 1);
            assertThat(store.insert(alert("L2", "press-3"), r -> r).id()).isEqualTo("2");
        }
    }

    @Test
    void alertsStoredInTheTreeLayoutOfTheLastVersionAreMovedOnceAndStayChangeable(@TempDir Path dir) {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            var tree = db.records("alert-records", new JsonValueSerializer<>(JSON, AlertRecord.class));
            db.write(() -> {
                for (long id = 1; id <= 3; id++) {
                    tree.put(id, AlertRecord.received(new Alert(Long.toString(id), "vibration-model", "2.3.1", "L2",
                            "press-3", "vibration-anomaly", Severity.HIGH, 0.82, T0, T0, Map.of("n", id)))
                            .movedTo(AlertState.ASSIGNED, "andon", T0, null));
                }
                db.sequence("alert-ids").set(3);
            });
        }
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON);
            assertThat(store.count()).isEqualTo(3);
            assertThat(store.countSince("L2", "press-3", "vibration-anomaly", T0)).isEqualTo(3);
            assertThat(store.get("2").alert().payload()).containsEntry("n", 2);
            store.transition("2", AlertState.ACKNOWLEDGED, "marco.ferri", null, T0.plusSeconds(60));
            assertThat(db.records("alert-records", new JsonValueSerializer<>(JSON, AlertRecord.class))).isEmpty();
        }
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON);
            assertThat(store.list(AlertQuery.all())).extracting(AlertRecord::id).containsExactly("3", "2", "1");
            assertThat(store.get("2").state()).isEqualTo(AlertState.ACKNOWLEDGED);
            assertThat(store.insert(alert("L2", "press-3"), r -> r).id()).isEqualTo("4");
        }
    }

    @Test
    void howOftenAProblemCameBackOnAStationIsCountedPerStationAndTypeFromTheGivenTime(@TempDir Path dir) {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON);
            store.insert(at(alert("L2", "press-3"), T0.minusSeconds(86_400)), r -> r);
            store.insert(alert("L2", "press-3"), r -> r);
            store.insert(alert("L2", "press-3"), r -> r);
            store.insert(alert("L2", "coil-1"), r -> r);
            store.insert(alert("L1", "press-3"), r -> r);
            assertThatThrownBy(() -> store.insert(alert("L2", "press-3"), r -> {
                throw new IllegalStateException("rules exploded");
            })).hasMessage("rules exploded");

            assertThat(store.countSince("L2", "press-3", "vibration-anomaly", T0)).isEqualTo(2);
            assertThat(store.countSince("L2", "press-3", "vibration-anomaly", T0.minusSeconds(86_400))).isEqualTo(3);
            assertThat(store.countSince("L2", "press-3", "tool-wear", T0.minusSeconds(86_400))).isZero();
        }
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            assertThat(new AlertStore(db, JSON).countSince("L2", "press-3", "vibration-anomaly", T0)).isEqualTo(2);
        }
    }

    @Test
    void aStoreFromBeforeTheStationCountsGetsThemAtItsFirstStart(@TempDir Path dir) {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON);
            for (int i = 0; i < 2_500; i++) {
                store.insert(alert("L2", i % 2 == 0 ? "press-3" : "coil-1"), r -> r);
            }
            // as an earlier version left it: records, no index and no marker
            db.write(() -> {
                db.longSet("alert-ids-by-line").clear();
                db.longMap("alert-times-by-subject").clear();
                db.jsonMap("alert-index-ordinals").clear();
            });
        }
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            assertThat(new AlertStore(db, JSON).countSince("L2", "press-3", "vibration-anomaly", T0)).isEqualTo(1_250);
        }
    }

    /** Stores an alert on {@code line}/{@code station} as intake leaves it: assigned, still open. */
    static AlertRecord assigned(AlertStore store, String line, String station) {
        return store.insert(alert(line, station), r -> r.movedTo(AlertState.ASSIGNED, "andon", T0, null));
    }

    static Alert at(Alert a, Instant receivedAt) {
        return new Alert(a.id(), a.source(), a.modelVersion(), a.line(), a.station(), a.type(), a.severity(),
                a.confidence(), receivedAt, receivedAt, a.payload());
    }

    @Test
    void aListingThatMatchesLittleReadsABoundedSliceAndIsContinuedUntilItEnds(@TempDir Path dir) {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON, 4);
            assigned(store, "L1", "robot-2");
            for (int i = 0; i < 30; i++) {
                assigned(store, "L2", "press-3");
            }
            // a station asked for without its line: every line's records are candidates
            AlertQuery quietStation = new AlertQuery(null, "robot-2", null, false, null, 10, null);

            AlertPage first = store.page(quietStation, 5);
            List<String> found = new ArrayList<>(first.alerts().stream().map(AlertRecord::id).toList());
            int pages = 1;
            for (AlertPage p = first; p.next() != null; pages++) {
                p = store.page(new AlertQuery(null, "robot-2", null, false, null, 10, Long.parseLong(p.next())), 5);
                p.alerts().forEach(r -> found.add(r.id()));
            }

            assertThat(first.alerts()).isEmpty();
            assertThat(first.next()).isNotNull();
            assertThat(found).containsExactly("1");
            assertThat(pages).isBetween(6, 8); // 27 records behind the 4 kept decoded, 5 per page
            assertThat(store.list(quietStation)).extracting(AlertRecord::id).containsExactly("1");
        }
    }

    @Test
    void aQuietLineIsListedFromItsOwnAlertsWithoutReadingTheBusyOnes(@TempDir Path dir) {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON, 4);
            assigned(store, "L1", "robot-2");
            for (int i = 0; i < 30; i++) {
                assigned(store, "L2", "press-3");
            }
            assigned(store, "L1", "robot-2");

            AlertPage page = store.page(new AlertQuery("L1", null, null, false, null, 10, null), 1);

            assertThat(page.alerts()).extracting(AlertRecord::id).containsExactly("32", "1");
            assertThat(page.next()).isNull();
        }
    }

    @Test
    void listingsArePagedNewestFirstWithTheLastIdSeen(@TempDir Path dir) {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON, 4);
            for (int i = 0; i < 10; i++) {
                assigned(store, "L2", "press-3");
            }
            assertThat(store.list(new AlertQuery("L2", null, null, false, null, 3, null)))
                    .extracting(AlertRecord::id).containsExactly("10", "9", "8");
            assertThat(store.list(new AlertQuery("L2", null, null, false, null, 3, 8L)))
                    .extracting(AlertRecord::id).containsExactly("7", "6", "5");
            assertThat(store.list(new AlertQuery("L2", null, null, false, null, 3, 5L)))
                    .extracting(AlertRecord::id).containsExactly("4", "3", "2");
            assertThat(store.list(new AlertQuery("L2", null, null, true, null, 4, 3L)))
                    .extracting(AlertRecord::id).containsExactly("2", "1");
        }
    }

    @Test
    void aCommitThatCannotReachTheDiskIsRefusedAsUnavailableAndNothingIsKept(@TempDir Path dir) {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON);
            store.insert(alert("L2", "press-3"), r -> r);
            db.failCommits("No space left on device");

            assertThatThrownBy(() -> store.insert(alert("L2", "press-3"), r -> r))
                    .isInstanceOf(dev.andon.core.error.StoreUnavailableException.class)
                    .hasMessageContaining("No space left on device");
            assertThat(store.count()).isEqualTo(1);
            assertThat(store.list(AlertQuery.all())).hasSize(1);

            db.failCommits(null);
            assertThat(store.insert(alert("L2", "press-3"), r -> r).id()).isEqualTo("2");
        }
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            assertThat(new AlertStore(db, JSON).count()).isEqualTo(2);
        }
    }

    @Test
    void committedAlertSurvivesAKilledProcess(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriteThenHalt.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(child.getInputStream().readAllBytes());
        assertThat(child.exitValue()).as(out).isEqualTo(137);

        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AlertStore store = new AlertStore(db, JSON);
            assertThat(store.count()).isEqualTo(2);
            assertThat(store.get("2").alert().station()).isEqualTo("robot-2");
        }
    }

    /** Commits two alerts, then dies without closing the store, like kill -9. */
    public static final class WriteThenHalt {
        public static void main(String[] args) {
            AndonDatabase db = AndonDatabase.open(Path.of(args[0]));
            AlertStore store = new AlertStore(db, JSON);
            store.insert(alert("L2", "press-3"), r -> r);
            store.insert(alert("L1", "robot-2"), r -> r);
            Runtime.getRuntime().halt(137);
        }
    }
}
