package dev.andon.core.shift;

import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ShiftCalendarTest {
    static final Plant SAMPLE = new PlantLoader().load(Path.of("../sample-plant/plant.yaml"));
    final ShiftCalendar calendar = new ShiftCalendar(SAMPLE);

    @Test
    void currentAndPreviousShiftOnAWeekday() {
        Instant nineInRome = Instant.parse("2026-11-25T08:00:00Z");

        ShiftOccurrence now = calendar.current("L2", nineInRome).orElseThrow();
        assertThat(now.key()).isEqualTo("L2.2026-11-25.early");
        assertThat(now.start()).isEqualTo("2026-11-25T05:00:00Z");
        assertThat(now.end()).isEqualTo("2026-11-25T13:00:00Z");
        assertThat(now.breaks()).containsExactly(new ShiftOccurrence.Interval(
                Instant.parse("2026-11-25T09:00:00Z"), Instant.parse("2026-11-25T09:30:00Z")));
        assertThat(now.scheduledTime()).isEqualTo(Duration.ofMinutes(450));

        ShiftOccurrence before = calendar.previous("L2", nineInRome).orElseThrow();
        assertThat(before.key()).isEqualTo("L2.2026-11-24.night");
        assertThat(before.end()).isEqualTo(now.start());
        assertThat(before.breaks().get(0).start()).isEqualTo("2026-11-25T01:00:00Z");
        assertThat(calendar.after(before)).contains(now);
        assertThat(calendar.before(now)).contains(before);
    }

    @Test
    void noShiftOnSundayMorningAndThePreviousOneIsSaturdayLate() {
        Instant sundayMorning = Instant.parse("2026-11-29T08:00:00Z");

        assertThat(calendar.current("L2", sundayMorning)).isEmpty();
        assertThat(calendar.previous("L2", sundayMorning).orElseThrow().key()).isEqualTo("L2.2026-11-28.late");
        assertThat(calendar.next("L2", sundayMorning).orElseThrow().key()).isEqualTo("L2.2026-11-29.night");
    }

    @Test
    void noShiftStartsOnAHoliday() {
        Instant christmasMorning = Instant.parse("2026-12-25T08:00:00Z");

        assertThat(calendar.current("L1", christmasMorning)).isEmpty();
        assertThat(calendar.previous("L1", christmasMorning).orElseThrow().key()).isEqualTo("L1.2026-12-24.night");
        assertThat(calendar.find("L1.2026-12-25.early")).isEmpty();
        assertThat(calendar.next("L1", christmasMorning).orElseThrow().key()).isEqualTo("L1.2026-12-27.night");
    }

    @Test
    void springForwardMakesTheNightShiftSevenHoursLong(@TempDir Path dir) throws IOException {
        ShiftCalendar rome = new ShiftCalendar(everyDayPlant(dir));

        ShiftOccurrence night = rome.find("L1.2026-03-28.night").orElseThrow();
        assertThat(night.start()).isEqualTo("2026-03-28T21:00:00Z");   // 22:00 CET
        assertThat(night.end()).isEqualTo("2026-03-29T04:00:00Z");     // 06:00 CEST
        assertThat(night.length()).isEqualTo(Duration.ofHours(7));
        // the break at 02:00 falls into the skipped hour and moves to 03:00 CEST, still 30 minutes
        assertThat(night.breaks().get(0).start()).isEqualTo("2026-03-29T01:00:00Z");
        assertThat(night.breaks().get(0).length()).isEqualTo(Duration.ofMinutes(30));

        assertThat(rome.current("L1", Instant.parse("2026-03-29T00:59:59Z")).orElseThrow().key()).isEqualTo(night.key());
        assertThat(rome.current("L1", Instant.parse("2026-03-29T03:59:59Z")).orElseThrow().key()).isEqualTo(night.key());
        ShiftOccurrence early = rome.current("L1", Instant.parse("2026-03-29T04:00:00Z")).orElseThrow();
        assertThat(early.key()).isEqualTo("L1.2026-03-29.early");
        assertThat(early.length()).isEqualTo(Duration.ofHours(8));
        assertThat(rome.previous("L1", early.start())).contains(night);
    }

    @Test
    void fallBackMakesTheNightShiftNineHoursLongAndTheRepeatedHourBelongsToIt(@TempDir Path dir) throws IOException {
        ShiftCalendar rome = new ShiftCalendar(everyDayPlant(dir));

        ShiftOccurrence night = rome.find("L1.2026-10-24.night").orElseThrow();
        assertThat(night.start()).isEqualTo("2026-10-24T20:00:00Z");   // 22:00 CEST
        assertThat(night.end()).isEqualTo("2026-10-25T05:00:00Z");     // 06:00 CET
        assertThat(night.length()).isEqualTo(Duration.ofHours(9));
        // 02:30 happens twice that night: both are the night shift
        assertThat(rome.current("L1", Instant.parse("2026-10-25T00:30:00Z")).orElseThrow().key()).isEqualTo(night.key());
        assertThat(rome.current("L1", Instant.parse("2026-10-25T01:30:00Z")).orElseThrow().key()).isEqualTo(night.key());
        assertThat(rome.previous("L1", Instant.parse("2026-10-25T06:00:00Z"))).contains(night);
        assertThat(rome.current("L1", Instant.parse("2026-10-25T05:00:00Z")).orElseThrow().key()).isEqualTo("L1.2026-10-25.early");
    }

    @Test
    void aLineRunsOnlyItsOwnShifts(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plant.yaml");
        Files.writeString(file, Files.readString(Path.of("../sample-plant/plant.yaml"))
                .replace("    product: Gearbox housing GH-200\n", "    product: Gearbox housing GH-200\n    shifts: [early, late]\n"));
        ShiftCalendar two = new ShiftCalendar(new PlantLoader().load(file));

        assertThat(two.current("L1", Instant.parse("2026-11-25T23:00:00Z"))).isEmpty();
        assertThat(two.current("L2", Instant.parse("2026-11-25T23:00:00Z")).orElseThrow().shift()).isEqualTo("night");
        assertThat(two.previous("L1", Instant.parse("2026-11-26T03:00:00Z")).orElseThrow().key()).isEqualTo("L1.2026-11-25.late");
    }

    static Plant everyDayPlant(Path dir) throws IOException {
        Path file = dir.resolve("plant.yaml");
        Files.writeString(file, """
                id: rome
                name: Rome test plant
                timezone: Europe/Rome
                roles: [{ id: team-leader, name: Team leader }]
                shifts:
                  - { id: early, name: Early, start: "06:00", end: "14:00" }
                  - { id: late, name: Late, start: "14:00", end: "22:00" }
                  - { id: night, name: Night, start: "22:00", end: "06:00", breaks: [{ start: "02:00", end: "02:30" }] }
                lines:
                  - { id: L1, name: Line 1, stations: [{ id: s1, name: Station 1 }] }
                """);
        return new PlantLoader().load(file);
    }
}
