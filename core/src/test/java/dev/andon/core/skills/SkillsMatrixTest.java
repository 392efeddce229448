package dev.andon.core.skills;

import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.identity.Principal;
import dev.andon.core.json.AndonJson;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import dev.andon.core.plant.Qualification.Level;
import dev.andon.core.store.AndonDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SkillsMatrixTest {
    static final Path SAMPLE = Path.of("../sample-plant/plant.yaml");
    static final Clock NOV_25 = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);

    final Plant plant = new PlantLoader().load(SAMPLE);
    final PlantPeople people = new PlantPeople(plant);
    final Principal trainer = people.principalOf("alessio.barbieri").orElseThrow();
    final Principal operator = people.principalOf("anna.rossi").orElseThrow();
    @TempDir
    Path data;
    AndonDatabase db;

    SkillsMatrix open() {
        db = AndonDatabase.open(data);
        return new SkillsMatrix(db, AndonJson.newMapper(), plant, SkillCatalog.of(plant), PermissionPolicy.bundled(), NOV_25);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void thePlantFilesQualificationsAreTheInitialStateAndLapseOnTheirOwn() {
        SkillsMatrix m = open();
        LocalDate today = LocalDate.of(2026, 11, 25);

        assertThat(m.standing("marco.ferri", "press-3-lockout", today).counts()).isTrue();
        assertThat(m.standing("stefano.moretti", "press-3-lockout", today).reason()).isEqualTo("in training");
        assertThat(m.standing("jonas.weber", "coil-1", LocalDate.of(2026, 11, 30)).counts()).isTrue();
        assertThat(m.standing("jonas.weber", "coil-1", LocalDate.of(2026, 12, 1)).reason())
                .isEqualTo("qualification lapsed on 2026-11-30");
        assertThat(m.entries("marco.ferri", null, today))
                .filteredOn(e -> e.skill().equals("press-3-lockout"))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(SkillStatus.DUE));
    }

    @Test
    void reCertificationListsWhatLapsesWithinThirtyDaysSoonestFirst() {
        SkillsMatrix m = open();

        assertThat(m.recertification(LocalDate.of(2026, 11, 25), 30))
                .extracting(e -> e.person() + "/" + e.skill())
                .containsExactly("jonas.weber/coil-1", "marco.ferri/press-3-lockout");
    }

    @Test
    void aTrainerChangesTheMatrixAndTheChangeSurvivesARestartWithoutReseeding() {
        SkillsMatrix m = open();
        m.set(trainer, "tomas.novak", "press-3-lockout", Level.QUALIFIED, LocalDate.of(2028, 1, 31));
        m.remove(trainer, "anna.rossi", "coil-1");
        db.close();

        SkillsMatrix again = open();

        assertThat(again.record("tomas.novak", "press-3-lockout")).get()
                .satisfies(r -> {
                    assertThat(r.level()).isEqualTo(Level.QUALIFIED);
                    assertThat(r.changedBy()).isEqualTo("alessio.barbieri");
                    assertThat(r.source()).isEqualTo("api");
                });
        assertThat(again.record("anna.rossi", "coil-1")).isEmpty();
    }

    @Test
    void badChangesAreRefusedWithTheReasonAndChangeNothing() {
        SkillsMatrix m = open();

        assertThatThrownBy(() -> m.set(trainer, "tomas.novak", "press-3-lockout", Level.QUALIFIED, LocalDate.of(2026, 11, 24)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("until").hasMessageContaining("in the past");
        assertThatThrownBy(() -> m.set(trainer, "nobody.here", "press-3", Level.QUALIFIED, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown person 'nobody.here'");
        assertThatThrownBy(() -> m.set(trainer, "tomas.novak", "juggling", Level.QUALIFIED, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown skill 'juggling'");
        assertThatThrownBy(() -> m.set(operator, "anna.rossi", "press-3-lockout", Level.QUALIFIED, null))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("skills:manage");
        assertThatThrownBy(() -> m.remove(trainer, "tomas.novak", "coil-1"))
                .isInstanceOf(NotFoundException.class);

        assertThat(m.record("tomas.novak", "press-3-lockout")).isEmpty();
        assertThat(m.record("anna.rossi", "press-3-lockout")).isEmpty();
    }
}
