package dev.andon.core.production;

import dev.andon.core.shift.ShiftOccurrence;
import dev.andon.core.testing.ShiftWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import static dev.andon.core.testing.ShiftWorld.batch;
import static dev.andon.core.testing.ShiftWorld.count;
import static dev.andon.core.testing.ShiftWorld.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** One early shift on L2 (05:00–13:00 UTC, break 09:00–09:30) with figures worked out by hand. */
class OeeTest {
    @TempDir
    Path dir;
    ShiftWorld w;

    static Instant t(String hhmm) {
        return Instant.parse("2026-11-25T" + hhmm + ":00Z");
    }

    @BeforeEach
    void shift() {
        w = new ShiftWorld(dir, t("12:59"));
        w.events.record(w.who("anna.rossi"), "L2", batch(
                state("p1", "press-3", "running", null, t("05:00")),
                state("p2", "press-3", "down", "hydraulic-leak", t("07:00")),
                state("p3", "press-3", "running", null, t("07:30")),
                state("p4", "press-3", "planned-maintenance", null, t("11:00")),
                state("p5", "press-3", "running", null, t("11:30")),
                count("p6", "press-3", 3000, 100, "burr", t("10:00")),
                count("p7", "press-3", 500, 0, null, t("12:00")),
                state("c1", "coil-1", "running", null, t("05:00")),
                state("c2", "coil-1", "starved", null, t("06:00")),
                state("c3", "coil-1", "running", null, t("06:10")),
                state("v1", "vision-5", "running", null, t("05:00")),
                count("v2", "vision-5", 3400, 50, "dimension", t("12:30"))));
        w.clock.set(t("13:05"));
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void stationOeeFromStatesCountsBreaksAndIdealCycle() {
        LineKpis k = w.kpis.forShift(w.calendar.byKey("L2.2026-11-25.early"));
        Kpis press = k.stations().stream().filter(s -> s.station().equals("press-3")).findFirst().orElseThrow().kpis();

        assertThat(press.runSeconds()).isEqualTo(390 * 60);
        assertThat(press.downSeconds()).isEqualTo(30 * 60);
        assertThat(press.plannedStopSeconds()).isEqualTo(30 * 60);
        assertThat(press.plannedSeconds()).isEqualTo(420 * 60);
        assertThat(press.availability()).isCloseTo(390.0 / 420, within(1e-9));
        assertThat(press.performance()).isCloseTo(6.0 * 3600 / (390 * 60), within(1e-9));
        assertThat(press.quality()).isCloseTo(3500.0 / 3600, within(1e-9));
        assertThat(press.oee()).isCloseTo(0.8333333, within(1e-6));
    }

    @Test
    void lineOeeParetosAndOutputAgainstPlan() {
        LineKpis k = w.kpis.forShift(w.calendar.byKey("L2.2026-11-25.early"));

        assertThat(k.output()).isEqualTo(3400);
        assertThat(k.plan()).isEqualTo(4000);
        assertThat(k.kpis().availability()).isEqualTo(1.0);
        assertThat(k.kpis().performance()).isCloseTo(6.0 * 3450 / (450 * 60), within(1e-9));
        assertThat(k.kpis().quality()).isCloseTo(3400.0 / 3550, within(1e-9));
        assertThat(k.downtime()).extracting(ParetoEntry::reason, ParetoEntry::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hydraulic-leak", 1800L),
                        org.assertj.core.groups.Tuple.tuple("starved", 600L));
        assertThat(k.downtime().get(0).name()).isEqualTo("Hydraulic leak");
        assertThat(k.downtime().get(0).share()).isCloseTo(0.75, within(1e-9));
        assertThat(k.scrap()).extracting(ParetoEntry::reason).containsExactly("burr", "dimension");
        Kpis station4 = k.stations().stream().filter(s -> s.station().equals("station-4")).findFirst().orElseThrow().kpis();
        assertThat(station4.unreportedSeconds()).isEqualTo(450 * 60);
        assertThat(station4.oee()).isNull();
    }

    @Test
    void theNextShiftStartsFromTheStateTheStationWasLeftIn() {
        w.clock.set(t("15:00"));
        ShiftOccurrence late = w.calendar.current("L2", w.clock.instant()).orElseThrow();
        Kpis press = w.kpis.forShift(late).stations().get(1).kpis();

        assertThat(late.key()).isEqualTo("L2.2026-11-25.late");
        assertThat(press.runSeconds()).isEqualTo(2 * 3600);
    }

    @Test
    void aDateRangeSumsItsShifts() {
        w.clock.set(t("15:00"));
        LineKpis range = w.kpis.range("L2", LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-25"));

        assertThat(range.shifts()).containsExactly("L2.2026-11-25.early", "L2.2026-11-25.late");
        assertThat(range.output()).isEqualTo(3400);
        assertThat(range.plan()).isEqualTo(8000);
        Kpis press = range.stations().get(1).kpis();
        assertThat(press.runSeconds()).isEqualTo(390 * 60 + 2 * 3600);
        assertThat(range.downtime().get(0).amount()).isEqualTo(1800);
    }
}
