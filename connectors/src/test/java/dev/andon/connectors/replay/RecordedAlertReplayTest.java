package dev.andon.connectors.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.alert.Alert;
import dev.andon.core.alert.IncomingAlertReader;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.json.AndonJson;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordedAlertReplayTest {
    final ObjectMapper json = AndonJson.newMapper();
    final Plant plant = new PlantLoader().load(Path.of("../sample-plant/plant.yaml"));
    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
    final IncomingAlertReader reader = new IncomingAlertReader(plant, clock, Duration.ofMinutes(5), json);
    final List<Alert> received = new ArrayList<>();
    final List<Duration> slept = new ArrayList<>();
    final AlertSink sink = doc -> {
        received.add(reader.read(doc));
        return Integer.toString(received.size());
    };

    static final String RECORDING = """
            {"source":"vibration-model","line":"L2","station":"press-3","type":"vibration-anomaly","severity":"high","confidence":0.82,"timestamp":"2025-03-01T10:00:00Z"}
            {"source":"vision-model","line":"L2","station":"vision-5","type":"vision-defect","severity":"medium","confidence":0.64,"timestamp":"2025-03-01T10:00:30Z"}

            {"source":"vision-model","line":"L7","station":"vision-5","type":"vision-defect","severity":"medium","confidence":0.64,"timestamp":"2025-03-01T10:01:00Z"}
            {"source":"vibration-model", "line":
            {"source":"vibration-model","line":"L2","station":"press-3","type":"vibration-anomaly","severity":"high","confidence":0.91,"timestamp":"2025-03-01T10:02:00Z"}
            """;

    @Test
    void replaysRecordedAlertsAsIfTheyHappenedNowKeepingTheirGaps() {
        ReplayReport report = new RecordedAlertReplay(json, clock, slept::add)
                .replay(new StringReader(RECORDING), 1.0, 1000, sink);

        assertThat(report.read()).isEqualTo(5);
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(received).extracting(Alert::timestamp).containsExactly(
                clock.instant(), clock.instant().plusSeconds(30), clock.instant().plusSeconds(120));
        assertThat(slept).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    @Test
    void badLinesAreReportedWithTheirLineNumberAndTheRestGoesOn() {
        ReplayReport report = new RecordedAlertReplay(json, clock, slept::add)
                .replay(new StringReader(RECORDING), 0, 1000, sink);

        assertThat(slept).isEmpty();
        assertThat(report.rejected()).extracting(ReplayReport.Rejection::line).containsExactly(4, 5);
        assertThat(report.rejected().get(0).problems()).extracting(p -> p.field()).contains("line");
        assertThat(report.rejected().get(1).problems().get(0).message()).startsWith("malformed JSON");
        assertThat(received).allSatisfy(a -> assertThat(a.timestamp()).isEqualTo(clock.instant()));
    }

    @Test
    void anOversizedRecordingIsRefused() {
        assertThatThrownBy(() -> new RecordedAlertReplay(json, clock, slept::add)
                .replay(new StringReader(RECORDING), 0, 2, sink))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("more than 2 alerts");
    }
}
