package dev.andon.core.plant;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ShiftRosterTest {
    final Plant plant = new PlantLoader().load(PlantLoaderTest.SAMPLE);
    final ShiftRoster roster = new ShiftRoster(plant);

    @Test
    void earlyShiftOperatorOnL2IsAnna() {
        Instant nineInRome = Instant.parse("2026-11-25T08:00:00Z");

        assertThat(roster.shiftAt(nineInRome)).map(Shift::id).contains("early");
        assertThat(roster.onShift(nineInRome, "L2", "operator"))
                .extracting(o -> o.person().id()).containsExactly("anna.rossi");
    }

    @Test
    void nightShiftCoversTheHoursAfterMidnight() {
        Instant twoAmInRome = Instant.parse("2026-11-25T01:00:00Z");

        assertThat(roster.shiftAt(twoAmInRome)).map(Shift::id).contains("night");
        assertThat(roster.onShift(twoAmInRome, "L2", "maintenance"))
                .extracting(o -> o.person().id()).containsExactly("tomas.novak");
        assertThat(roster.shiftStart(twoAmInRome)).contains(Instant.parse("2026-11-24T21:00:00Z"));
    }

    @Test
    void onCallIsFoundPerRole() {
        assertThat(roster.onCall("maintenance")).map(Person::id).contains("nicola.rinaldi");
        assertThat(roster.onCall("trainer")).isEmpty();
    }

    @Test
    void expiredOrInTrainingQualificationsDoNotCount() {
        Person stefano = plant.person("stefano.moretti").orElseThrow();
        Person anna = plant.person("anna.rossi").orElseThrow();

        assertThat(stefano.qualifiedFor("press-3", roster.dayAt(Instant.parse("2026-11-25T08:00:00Z")))).isFalse();
        assertThat(anna.qualifiedFor("press-3", java.time.LocalDate.of(2027, 12, 31))).isTrue();
        assertThat(anna.qualifiedFor("press-3", java.time.LocalDate.of(2028, 1, 1))).isFalse();
    }
}
