package dev.andon.core.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.json.AndonJson;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingAlertReaderTest {
    final ObjectMapper json = AndonJson.newMapper();
    final Plant plant = new PlantLoader().load(java.nio.file.Path.of("../sample-plant/plant.yaml"));
    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
    final IncomingAlertReader reader = new IncomingAlertReader(plant, clock, Duration.ofMinutes(5), json);

    ObjectNode valid() throws Exception {
        return (ObjectNode) json.readTree("""
                {"source":"vibration-model","modelVersion":"2.3.1","line":"L2","station":"press-3",
                 "type":"vibration-anomaly","severity":"high","confidence":0.82,
                 "timestamp":"2026-11-25T07:59:30Z","payload":{"rms_mm_s":11.4}}""");
    }

    @Test
    void readsAValidAlert() throws Exception {
        Alert alert = reader.read(valid());

        assertThat(alert.line()).isEqualTo("L2");
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.confidence()).isEqualTo(0.82);
        assertThat(alert.receivedAt()).isEqualTo(clock.instant());
        assertThat(alert.payload()).containsEntry("rms_mm_s", 11.4);
        assertThat(alert.fingerprint()).isEqualTo("vibration-model|L2|press-3|vibration-anomaly");
    }

    @Test
    void listsEveryProblemAtOnce() throws Exception {
        ObjectNode body = valid();
        body.remove("source");
        body.put("line", "L2");
        body.put("station", "press-99");
        body.put("type", "alien-invasion");
        body.put("confidence", 1.7);
        body.put("severity", "apocalyptic");
        body.put("timestamp", "2027-01-01T00:00:00Z");

        assertThatThrownBy(() -> reader.read(body))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .containsExactlyInAnyOrder("source", "station", "type", "confidence", "severity", "timestamp"));
    }

    @Test
    void refusesWrongTypesAndUnknownLine() throws Exception {
        ObjectNode body = valid();
        body.put("confidence", "high");
        body.put("line", "L7");
        body.put("timestamp", "yesterday");

        assertThatThrownBy(() -> reader.read(body))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ": " + p.message())
                        .anyMatch(s -> s.startsWith("line: unknown line 'L7'"))
                        .anyMatch(s -> s.startsWith("confidence: must be a number"))
                        .anyMatch(s -> s.startsWith("timestamp: is not an ISO-8601")));
    }

    @Test
    void refusesANonObjectBody() throws Exception {
        assertThatThrownBy(() -> reader.read(json.readTree("[1,2]")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be a JSON object");
    }
}
