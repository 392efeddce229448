package dev.andon.core.plant;

import dev.andon.core.error.InvalidPlantException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlantLoaderTest {
    static final Path SAMPLE = Path.of("../sample-plant/plant.yaml");

    @Test
    void loadsTheSamplePlantWithTwoLinesAndThreeShifts() {
        Plant plant = new PlantLoader().load(SAMPLE);

        assertThat(plant.lines()).extracting(Line::id).containsExactly("L1", "L2");
        assertThat(plant.shifts()).hasSize(3);
        assertThat(plant.line("L2").orElseThrow().station("press-3")).isPresent();
        assertThat(plant.line("L2").orElseThrow().downstreamOf("press-3")).extracting(Station::id)
                .containsExactly("station-4", "vision-5");
        assertThat(plant.person("anna.rossi").orElseThrow().qualifications()).isNotEmpty();
        assertThat(plant.baseDir()).isEqualTo(SAMPLE.toAbsolutePath().normalize().getParent());
    }

    @Test
    void unknownFieldIsNamedWithItsPathAndTheFile(@TempDir Path dir) throws IOException {
        String text = Files.readString(SAMPLE).replace("    area: Stamping", "    aera: Stamping");
        Path file = dir.resolve("plant.yaml");
        Files.writeString(file, text);

        assertThatThrownBy(() -> new PlantLoader().load(file))
                .isInstanceOf(InvalidPlantException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("lines[1].aera")
                .hasMessageContaining("aera");
    }

    @Test
    void brokenReferencesAreAllListed(@TempDir Path dir) throws IOException {
        String text = Files.readString(SAMPLE)
                .replace("{ shift: early, line: L2, role: operator, person: anna.rossi }",
                        "{ shift: early, line: L9, role: operator, person: nobody }")
                .replace("{ role: quality, person: valeria.caruso }", "{ role: chemist, person: valeria.caruso }");
        Path file = dir.resolve("plant.yaml");
        Files.writeString(file, text);

        assertThatThrownBy(() -> new PlantLoader().load(file))
                .isInstanceOfSatisfying(InvalidPlantException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + " " + p.message())
                        .contains("roster[0].line unknown line 'L9'", "roster[0].person unknown person 'nobody'",
                                "onCall[1].role unknown role 'chemist'"));
    }

    @Test
    void wrongTypeIsReportedWithTheField(@TempDir Path dir) throws IOException {
        String text = Files.readString(SAMPLE).replace("start: \"06:00\"", "start: \"six o'clock\"");
        Path file = dir.resolve("plant.yaml");
        Files.writeString(file, text);

        assertThatThrownBy(() -> new PlantLoader().load(file))
                .isInstanceOf(InvalidPlantException.class)
                .hasMessageContaining("shifts[0].start");
    }

    @Test
    void missingFileIsRefusedByName(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> new PlantLoader().load(file))
                .isInstanceOf(InvalidPlantException.class)
                .hasMessageContaining("nope.yaml")
                .hasMessageContaining("does not exist");
    }
}
