package dev.andon.rules.heartbeat;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.rules.support.Alerts;
import dev.andon.rules.support.Rig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HeartbeatMonitorTest {
    @TempDir
    Path dir;
    Rig rig;
    HeartbeatMonitor heartbeats;

    @BeforeEach
    void start() {
        rig = Rig.start(dir, Alerts.EARLY_SHIFT);
        heartbeats = rig.runbooks.heartbeats();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void modelThatStopsSendingHeartbeatsRaisesAModelSilentAlertWithTheFallbackProcedure() {
        heartbeats.heartbeat("vibration-model", "L2", "press-3", "1.4.2");
        rig.clock.advance(Duration.ofMinutes(9));
        assertThat(heartbeats.check()).isEmpty();

        rig.clock.advance(Duration.ofMinutes(2));
        List<AlertRecord> raised = heartbeats.check();

        assertThat(raised).singleElement().satisfies(r -> {
            assertThat(r.alert().type()).isEqualTo("model-silent");
            assertThat(r.alert().line()).isEqualTo("L2");
            assertThat(r.alert().station()).isEqualTo("press-3");
            assertThat(r.alert().source()).isEqualTo("vibration-model");
            assertThat(r.alert().modelVersion()).isEqualTo("1.4.2");
            assertThat(r.state()).isEqualTo(AlertState.ASSIGNED);
            assertThat(r.decision().assignee().person()).isEqualTo("luca.bianchi");
            assertThat(r.decision().steps()).extracting(s -> s.source().documentId() + " " + s.source().section())
                    .containsExactly("PB-MODEL-SILENT 2", "PB-MODEL-SILENT 3");
        });
        rig.clock.advance(Duration.ofMinutes(5));
        assertThat(heartbeats.check()).as("raised once, not at every check").isEmpty();
        assertThat(heartbeats.list()).singleElement().satisfies(h -> assertThat(h.isSilent()).isTrue());
    }

    @Test
    void heartbeatAfterSilenceResolvesTheModelSilentAlert() {
        heartbeats.heartbeat("vision-model", "L1", "3.0");
        rig.clock.advance(Duration.ofMinutes(15));
        AlertRecord silent = heartbeats.check().get(0);
        assertThat(silent.alert().station()).as("a line-wide model is reported at the line's first station").isEqualTo("feeder-1");

        rig.clock.advance(Duration.ofMinutes(1));
        ModelHeartbeat back = heartbeats.heartbeat("vision-model", "L1", "3.0");

        assertThat(back.isSilent()).isFalse();
        AlertRecord resolved = rig.alerts.get(silent.id());
        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.history()).last().satisfies(t -> assertThat(t.actor()).isEqualTo("system:andon-heartbeat"));
    }

    @Test
    void lastSeenSurvivesARestartSoASilentModelIsStillNoticed() {
        heartbeats.heartbeat("vibration-model", "L2", "press-3", "1.4.2");
        rig.restart();
        rig.clock.advance(Duration.ofMinutes(20));

        assertThat(rig.runbooks.heartbeats().check()).hasSize(1);
        rig.restart();
        assertThat(rig.runbooks.heartbeats().check()).isEmpty();
    }

    @Test
    void heartbeatForAnUnknownLineOrWithoutSourceIsRefused() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> heartbeats.heartbeat(" ", "L7", "1.0"));

        assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder("source", "line");
    }
}
