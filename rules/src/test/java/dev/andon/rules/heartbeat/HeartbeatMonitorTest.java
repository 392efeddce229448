package dev.andon.rules.heartbeat;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.audit.AuditQuery;
import dev.andon.core.audit.AuditRecord;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.identity.Principal;
import dev.andon.core.json.AndonJson;
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
    static final Principal GATEWAY = Principal.machine("gw-1", "model gateway", java.util.Set.of("alerts:write"), java.util.Set.of(), true);
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
        heartbeats.heartbeat(GATEWAY, "vibration-model", "L2", "press-3", "1.4.2");
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
        heartbeats.heartbeat(GATEWAY, "vision-model", "L1", null, "3.0");
        rig.clock.advance(Duration.ofMinutes(15));
        AlertRecord silent = heartbeats.check().get(0);
        assertThat(silent.alert().station()).as("a line-wide model is reported at the line's first station").isEqualTo("feeder-1");

        rig.clock.advance(Duration.ofMinutes(1));
        ModelHeartbeat back = heartbeats.heartbeat(GATEWAY, "vision-model", "L1", null, "3.0");

        assertThat(back.isSilent()).isFalse();
        AlertRecord resolved = rig.alerts.get(silent.id());
        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.history()).last().satisfies(t -> assertThat(t.actor()).isEqualTo("system:andon-heartbeat"));
    }

    @Test
    void lastSeenSurvivesARestartSoASilentModelIsStillNoticed() {
        heartbeats.heartbeat(GATEWAY, "vibration-model", "L2", "press-3", "1.4.2");
        rig.restart();
        rig.clock.advance(Duration.ofMinutes(20));

        assertThat(rig.runbooks.heartbeats().check()).hasSize(1);
        rig.restart();
        assertThat(rig.runbooks.heartbeats().check()).isEmpty();
    }

    @Test
    void aModelsFirstHeartbeatAndAChangeOfItsVersionAreAuditedButRoutineBeatsAreNot() {
        AuditTrail audit = new AuditTrail(rig.db, AndonJson.newMapper(), rig.clock);
        long before = audit.count();

        heartbeats.heartbeat(GATEWAY, "vibration-model", "L2", "press-3", "1.4.2");
        rig.clock.advance(Duration.ofMinutes(1));
        heartbeats.heartbeat(GATEWAY, "vibration-model", "L2", "press-3", "1.4.2");
        heartbeats.heartbeat(GATEWAY, "vibration-model", "L2", "press-3", "1.5.0");

        List<AuditRecord> records = audit.query(new AuditQuery(null, "model/L2/vibration-model", null, null, 10));
        assertThat(audit.count()).isEqualTo(before + 2);
        assertThat(records).extracting(AuditRecord::action).containsExactly("model.change", "model.register");
        assertThat(records).allSatisfy(r -> assertThat(r.actor()).isEqualTo(GATEWAY.id()));
        assertThat(records.get(0).before().get("modelVersion").asText()).isEqualTo("1.4.2");
        assertThat(records.get(0).after().get("modelVersion").asText()).isEqualTo("1.5.0");
    }

    @Test
    void heartbeatForAnUnknownLineOrWithoutSourceIsRefused() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> heartbeats.heartbeat(GATEWAY, " ", "L7", null, "1.0"));

        assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder("source", "line");
    }
}
