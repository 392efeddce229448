package dev.andon.connectors.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.IncomingAlertReader;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.PayloadTooLargeException;
import dev.andon.core.intake.AlertIntake;
import dev.andon.core.json.AndonJson;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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
    final AlertIntake intake = (alert, by) -> {
        received.add(alert);
        return AlertRecord.received(new Alert(Integer.toString(received.size()), alert.source(), alert.modelVersion(),
                alert.line(), alert.station(), alert.type(), alert.severity(), alert.confidence(), alert.timestamp(),
                alert.receivedAt(), alert.payload()));
    };

    RecordedAlertReplay replay(int maxRows, int maxAlerts) {
        return new RecordedAlertReplay(reader, intake, json, clock, slept::add, maxRows, maxAlerts);
    }

    static final String RECORDING = """
            {"source":"vibration-model","line":"L2","station":"press-3","type":"vibration-anomaly","severity":"high","confidence":0.82,"timestamp":"2025-03-01T10:00:00Z"}
            {"source":"vision-model","line":"L2","station":"vision-5","type":"vision-defect","severity":"medium","confidence":0.64,"timestamp":"2025-03-01T10:00:30Z"}

            {"source":"vision-model","line":"L7","station":"vision-5","type":"vision-defect","severity":"medium","confidence":0.64,"timestamp":"2025-03-01T10:01:00Z"}
            {"source":"vibration-model", "line":
            {"source":"vibration-model","line":"L2","station":"press-3","type":"vibration-anomaly","severity":"high","confidence":0.91,"timestamp":"2025-03-01T10:02:00Z"}
            """;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void replaysRecordedAlertsAsIfTheyHappenedNowKeepingTheirGapsAtTheChosenSpeed() {
        RecordedAlertReplay r = replay(1000, 1000);
        ReplayReport report = r.run(r.prepare(bytes(RECORDING), null), 2.0, dev.andon.core.identity.Principal.system("test"), n -> { });

        assertThat(report.rows()).isEqualTo(5);
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(received).extracting(Alert::timestamp).containsExactly(
                clock.instant(), clock.instant().plusSeconds(15), clock.instant().plusSeconds(60));
        assertThat(slept).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(45));
    }

    @Test
    void badLinesAreReportedWithTheirLineNumberAndNothingIsSentBeforeTheWholeFileIsRead() {
        RecordedAlertReplay r = replay(1000, 1000);
        PreparedReplay prepared = r.prepare(bytes(RECORDING), null);
        assertThat(received).isEmpty();
        ReplayReport report = r.run(prepared, 0, dev.andon.core.identity.Principal.system("test"), n -> { });

        assertThat(slept).isEmpty();
        assertThat(report.rejected()).extracting(ReplayReport.Rejection::line).containsExactly(4, 5);
        assertThat(report.rejected().get(0).problems()).extracting(p -> p.field()).contains("line");
        assertThat(report.rejected().get(1).problems().get(0).message()).startsWith("malformed JSON");
        assertThat(received).allSatisfy(a -> assertThat(a.timestamp()).isEqualTo(clock.instant()));
    }

    @Test
    void anOversizedOrNonUtf8RecordingIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> replay(3, 1000).prepare(bytes(RECORDING), null))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThatThrownBy(() -> replay(1000, 2).prepare(bytes(RECORDING), null))
                .isInstanceOf(PayloadTooLargeException.class);
        byte[] latin1 = "{\"source\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> replay(1000, 1000).prepare(latin1, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid UTF-8");
        assertThat(received).isEmpty();
    }

    @Test
    void aCsvMappingTurnsFlagColumnsIntoOneAlertPerFlag() {
        String csv = "\uFEFFUDI,Type,Torque [Nm],TWF,HDF\n1,L,42.8,0,0\n2,M,46.3,1,1\n3,H,39.5,0,1\n";
        ReplayMapping mapping = ReplayMapping.parse(bytes("""
                format: csv
                source: { value: ai4i }
                line: { value: L2 }
                station: { column: Type, map: { L: press-3, M: station-4, H: coil-1 } }
                timestamp: { rowEvery: 60s }
                payload: ["Torque [Nm]"]
                alerts:
                  - { when: { TWF: "1" }, type: tool-wear, severity: medium, confidence: 0.9 }
                  - { when: { HDF: "1" }, type: temperature-drift, severity: high, confidence: 0.8 }
                """));
        RecordedAlertReplay r = replay(1000, 1000);
        ReplayReport report = r.run(r.prepare(bytes(csv), mapping), 60, dev.andon.core.identity.Principal.system("test"), n -> { });

        assertThat(report.rows()).isEqualTo(3);
        assertThat(report.alerts()).isEqualTo(3);
        assertThat(received).extracting(a -> a.station() + ":" + a.type()).containsExactly(
                "station-4:tool-wear", "station-4:temperature-drift", "coil-1:temperature-drift");
        assertThat(received.get(0).payload()).containsEntry("Torque [Nm]", 46.3);
        assertThat(slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void speedsAreWrittenLikeSixtyX() {
        assertThat(RecordedAlertReplay.speed("60x")).isEqualTo(60);
        assertThat(RecordedAlertReplay.speed("max")).isZero();
        assertThat(RecordedAlertReplay.speed(null)).isZero();
        assertThatThrownBy(() -> RecordedAlertReplay.speed("-1x")).isInstanceOf(InvalidInputException.class);
    }
}
