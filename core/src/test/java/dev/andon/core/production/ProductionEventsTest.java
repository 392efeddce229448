package dev.andon.core.production;

import dev.andon.core.audit.AuditQuery;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.core.line.StationState;
import dev.andon.core.line.StationStatus;
import dev.andon.core.testing.ShiftWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.andon.core.testing.ShiftWorld.batch;
import static dev.andon.core.testing.ShiftWorld.count;
import static dev.andon.core.testing.ShiftWorld.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionEventsTest {
    static final Instant NINE_ROME = Instant.parse("2026-11-25T08:00:00Z");
    @TempDir
    Path dir;
    ShiftWorld w;

    @BeforeEach
    void open() {
        w = new ShiftWorld(dir, NINE_ROME);
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void aRetriedBatchCountsOnceAndTheStationStateFollows() {
        List<StationStatus> heard = new ArrayList<>();
        w.events.addListener(new ProductionListener() {
            @Override
            public void stationChanged(StationStatus s) {
                heard.add(s);
            }
        });
        var body = batch(state("e1", "press-3", "running", null, NINE_ROME.minusSeconds(3600)),
                count("e2", "press-3", 500, 10, "burr", NINE_ROME.minusSeconds(60)),
                state("e3", "press-3", "down", "hydraulic-leak", NINE_ROME.minusSeconds(30)));

        BatchResult first = w.events.record(w.who("anna.rossi"), "L2", body);
        BatchResult retry = w.events.record(w.who("anna.rossi"), "L2", body);

        assertThat(first.accepted()).isEqualTo(3);
        assertThat(retry.accepted()).isZero();
        assertThat(retry.duplicates()).isEqualTo(3);
        assertThat(w.eventStore.count()).isEqualTo(3);
        assertThat(w.kpis.current("L2").orElseThrow().stations().get(1).kpis().good()).isEqualTo(500);
        StationStatus press = w.stations.get("L2", "press-3");
        assertThat(press.state()).isEqualTo(StationState.DOWN);
        assertThat(press.reason()).isEqualTo("hydraulic-leak");
        assertThat(heard).extracting(StationStatus::state).containsExactly(StationState.DOWN);
        // one audit record for the batch that changed something, none for the retry that changed nothing
        assertThat(w.audit.query(new AuditQuery(null, "line/L2", null, null, 10))).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("anna.rossi");
            assertThat(r.action()).isEqualTo("line.events");
            assertThat(r.after().get("added").asInt()).isEqualTo(3);
            assertThat(r.after().get("stations").toString()).contains("press-3=down");
        });
    }

    @Test
    void anIdempotencyKeyReusedForADifferentEventRefusesTheWholeBatch() {
        w.events.record(w.who("anna.rossi"), "L2", batch(count("k1", "press-3", 5, 0, null, NINE_ROME)));

        assertThatThrownBy(() -> w.events.record(w.who("anna.rossi"), "L2", batch(
                count("k2", "press-3", 7, 0, null, NINE_ROME),
                count("k1", "press-3", 6, 0, null, NINE_ROME))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("events[1].key"));
        assertThat(w.eventStore.count()).isEqualTo(1);
    }

    @Test
    void everyBadEventIsNamedAndNothingOfTheBatchIsStored() {
        Instant beforeShift = Instant.parse("2026-11-25T04:59:59Z");
        var body = batch(
                state("a", "press-9", "running", null, NINE_ROME),
                state("b", "press-3", "down", "gremlins", NINE_ROME),
                state("c", "press-3", "exploded", null, NINE_ROME),
                count("d", "press-3", -3, 0, null, NINE_ROME),
                count("e", "press-3", 1, 0, null, NINE_ROME.plusSeconds(3600)),
                count("f", "press-3", 1, 0, null, beforeShift),
                state("g", "press-3", "down", null, NINE_ROME),
                count("h", "press-3", 1, 2, null, NINE_ROME),
                count("i", "press-3", 1, 2, "glitter", NINE_ROME),
                state("j", "coil-1", "running", null, NINE_ROME));

        assertThatThrownBy(() -> w.events.record(w.who("anna.rossi"), "L2", body))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + " " + p.message())
                        .anySatisfy(m -> assertThat(m).startsWith("events[0].station unknown station 'press-9'"))
                        .anySatisfy(m -> assertThat(m).startsWith("events[1].reason unknown reason code 'gremlins'"))
                        .anySatisfy(m -> assertThat(m).startsWith("events[2].state 'exploded' is not a station state"))
                        .anySatisfy(m -> assertThat(m).startsWith("events[3].good must not be negative"))
                        .anySatisfy(m -> assertThat(m).startsWith("events[4].at").contains("in the future"))
                        .anySatisfy(m -> assertThat(m).startsWith("events[5].at").contains("before the shift"))
                        .anySatisfy(m -> assertThat(m).startsWith("events[6].reason is required when a station is down"))
                        .anySatisfy(m -> assertThat(m).startsWith("events[7].scrapReason is required"))
                        .anySatisfy(m -> assertThat(m).startsWith("events[8].scrapReason unknown scrap reason 'glitter'"))
                        .noneSatisfy(m -> assertThat(m).startsWith("events[9]")));
        assertThat(w.eventStore.count()).isZero();
        assertThat(w.stations.get("L2", "coil-1").state()).isEqualTo(StationState.UNKNOWN);
    }

    @Test
    void onlySomeoneAllowedOnThatLineMayReport() {
        assertThatThrownBy(() -> w.events.record(w.who("anna.rossi"), "L1",
                batch(state("x", "robot-2", "running", null, NINE_ROME))))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("line-events:write on line L1");
        assertThatThrownBy(() -> w.events.record(w.who("roberta.fontana"), "L2",
                batch(state("x", "press-3", "running", null, NINE_ROME))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(w.eventStore.count()).isZero();
        assertThat(w.audit.count()).isZero();
    }

    @Test
    void theSameBatchSentConcurrentlyIsStoredOnce() throws Exception {
        var body = batch(count("c1", "press-3", 10, 0, null, NINE_ROME), count("c2", "coil-1", 20, 0, null, NINE_ROME),
                state("c3", "press-3", "running", null, NINE_ROME));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<BatchResult>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> w.events.record(w.who("anna.rossi"), "L2", body)));
        }
        int accepted = 0;
        int duplicates = 0;
        for (var f : results) {
            accepted += f.get().accepted();
            duplicates += f.get().duplicates();
        }
        pool.shutdown();

        assertThat(accepted).isEqualTo(3);
        assertThat(duplicates).isEqualTo(21);
        assertThat(w.eventStore.count()).isEqualTo(3);
        assertThat(w.kpis.current("L2").orElseThrow().stations().get(0).kpis().good()).isEqualTo(20);
    }

    @Test
    void aLateEventDoesNotOverwriteANewerState() {
        w.events.record(w.who("anna.rossi"), "L2", batch(state("n", "press-3", "running", null, NINE_ROME)));
        w.events.record(w.who("anna.rossi"), "L2", batch(state("o", "press-3", "idle", null, NINE_ROME.minusSeconds(600))));

        assertThat(w.stations.get("L2", "press-3").state()).isEqualTo(StationState.RUNNING);
    }

    @Test
    void eventsSurviveReopeningAndRetriesStillCountOnce() {
        var body = batch(count("r1", "press-3", 5, 0, null, NINE_ROME));
        w.events.record(w.who("anna.rossi"), "L2", body);
        w.close();
        w = new ShiftWorld(dir, NINE_ROME);

        assertThat(w.events.record(w.who("anna.rossi"), "L2", body).duplicates()).isEqualTo(1);
        assertThat(w.kpis.current("L2").orElseThrow().stations().get(1).kpis().good()).isEqualTo(5);
    }
}
