package dev.andon.core.skills;

import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.json.AndonJson;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import dev.andon.core.plant.Qualification.Level;
import dev.andon.core.store.AndonDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTest {
    final Plant plant = new PlantLoader().load(SkillsMatrixTest.SAMPLE);
    @TempDir
    Path data;
    AndonDatabase db;
    SkillsMatrix matrix;
    Coverage coverage;

    @AfterEach
    void close() {
        db.close();
    }

    void open() {
        db = AndonDatabase.open(data);
        SkillCatalog catalog = SkillCatalog.of(plant);
        matrix = new SkillsMatrix(db, AndonJson.newMapper(), plant, catalog, PermissionPolicy.bundled(), SkillsMatrixTest.NOV_25);
        coverage = new Coverage(plant, catalog, matrix, Staffing.fromRoster(plant));
    }

    @Test
    void nightShiftOnL2HasNobodyForPress3LockOutAndTheLateShiftOnlySomeoneInTraining() {
        open();
        CoverageReport week = coverage.gaps(LocalDate.of(2026, 11, 25), 7, "L2");

        assertThat(week.shiftsChecked()).isEqualTo(7 * 3);
        assertThat(week.gaps()).filteredOn(g -> g.day().equals(LocalDate.of(2026, 11, 25)))
                .extracting(CoverageGap::text)
                .containsExactlyInAnyOrder(
                        "Late shift on L2 (2026-11-25): nobody qualified for Lock-out/tag-out on press-3 (in training: Stefano Moretti)",
                        "Night shift on L2 (2026-11-25): nobody qualified for Lock-out/tag-out on press-3");
    }

    @Test
    void aQualificationLapsingDuringTheWeekOpensAGapFromTheNextDay() {
        open();
        CoverageReport week = coverage.gaps(LocalDate.of(2026, 11, 25), 7, "L2");

        assertThat(week.gaps()).filteredOn(g -> g.skill().equals("coil-1"))
                .extracting(g -> g.shift() + " " + g.day())
                .containsExactly("night 2026-12-01");
    }

    @Test
    void qualifyingSomeoneOnTheShiftClosesTheGap() {
        open();
        matrix.set(new PlantPeople(plant).principalOf("alessio.barbieri").orElseThrow(), "tomas.novak",
                "press-3-lockout", Level.QUALIFIED, LocalDate.of(2028, 1, 1));

        assertThat(coverage.gaps(LocalDate.of(2026, 11, 25), 1, "L2").gaps())
                .extracting(CoverageGap::shift).containsExactly("late");
    }
}
