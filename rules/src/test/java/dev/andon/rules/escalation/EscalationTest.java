package dev.andon.rules.escalation;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Transition;
import dev.andon.rules.support.Alerts;
import dev.andon.rules.support.Rig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationTest {
    @TempDir
    Path dir;
    Rig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    private static long escalations(AlertRecord rec) {
        return rec.history().stream().filter(t -> t.actor().equals(EscalationScheduler.ACTOR)).count();
    }

    @Test
    void unacknowledgedAlertEscalatesToTheTeamLeaderExactlyOnce() {
        rig = Rig.start(dir, Alerts.EARLY_SHIFT);
        List<AlertRecord> heard = new ArrayList<>();
        rig.runbooks.onChange(heard::add);
        String id = rig.runbooks.intake().receive(Alerts.pressVibration(0.82, rig.clock.instant()), Alerts.GATEWAY).id();
        heard.clear();

        rig.clock.advance(Duration.ofMinutes(9));
        assertThat(rig.runbooks.escalations().runDue()).as("not due yet").isEmpty();
        rig.clock.advance(Duration.ofMinutes(2));
        List<AlertRecord> fired = rig.runbooks.escalations().runDue();

        assertThat(fired).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(AlertState.ESCALATED);
            assertThat(r.decision().assignee().person()).isEqualTo("luca.bianchi");
            assertThat(r.decision().assignee().via()).isEqualTo("escalation-level-1");
            assertThat(r.history()).last().satisfies(t -> {
                assertThat(t.actor()).isEqualTo("andon-escalation");
                assertThat(t.note()).contains("level 1").contains("not acknowledged").contains("Luca Bianchi");
            });
        });
        assertThat(heard).extracting(AlertRecord::id).containsExactly(id);
        assertThat(rig.runbooks.escalations().runDue()).isEmpty();
        assertThat(escalations(rig.alerts.get(id))).isEqualTo(1);
        // the timer's change is Andon's own, in the audit trail as a system actor, with the hand-over it made
        assertThat(new dev.andon.core.audit.AuditTrail(rig.db, dev.andon.core.json.AndonJson.newMapper(), rig.clock)
                .query(new dev.andon.core.audit.AuditQuery("system:andon-escalation", "alert/" + id, null, null, 10)))
                .singleElement().satisfies(r -> {
                    assertThat(r.action()).isEqualTo("alert.escalate");
                    assertThat(r.before().get("state").asText()).isEqualTo("assigned");
                    assertThat(r.after().get("state").asText()).isEqualTo("escalated");
                    assertThat(r.after().get("person").asText()).isEqualTo("luca.bianchi");
                });
    }

    @Test
    void acknowledgedAlertStillEscalatesToOnCallWhenNotResolvedInTime() {
        rig = Rig.start(dir, Alerts.EARLY_SHIFT);
        String id = rig.runbooks.intake().receive(Alerts.pressVibration(0.82, rig.clock.instant()), Alerts.GATEWAY).id();
        rig.clock.advance(Duration.ofMinutes(5));
        rig.runbooks.lifecycle().transition(id, AlertState.ACKNOWLEDGED, rig.as("marco.ferri"), null);

        rig.clock.advance(Duration.ofMinutes(30));
        assertThat(rig.runbooks.escalations().runDue()).isEmpty();
        rig.clock.advance(Duration.ofMinutes(90));
        List<AlertRecord> fired = rig.runbooks.escalations().runDue();

        assertThat(fired).singleElement().satisfies(r -> {
            assertThat(r.decision().assignee().person()).isEqualTo("nicola.rinaldi");
            assertThat(r.history()).last().extracting(Transition::note).asString().contains("level 2").contains("not resolved");
        });
        assertThat(rig.runbooks.escalations().pending(id)).isEmpty();
    }

    @Test
    void pendingEscalationSurvivesARestartAndFiresOnceAfterIt() {
        rig = Rig.start(dir, Alerts.EARLY_SHIFT);
        String id = rig.runbooks.intake().receive(Alerts.pressVibration(0.82, rig.clock.instant()), Alerts.GATEWAY).id();

        rig.clock.advance(Duration.ofMinutes(15));
        rig.restart();
        assertThat(rig.runbooks.escalations().pending(id)).hasSize(2);
        List<AlertRecord> fired = rig.runbooks.escalations().runDue();
        assertThat(fired).extracting(AlertRecord::id).containsExactly(id);

        rig.restart();
        assertThat(rig.runbooks.escalations().runDue()).isEmpty();
        rig.restart();
        assertThat(rig.runbooks.escalations().runDue()).isEmpty();

        AlertRecord rec = rig.alerts.get(id);
        assertThat(escalations(rec)).isEqualTo(1);
        assertThat(rec.state()).isEqualTo(AlertState.ESCALATED);
        assertThat(rig.runbooks.escalations().pending(id)).extracting(PendingEscalation::level).containsExactly(2);
    }

    @Test
    void backgroundTimerFiresDueEscalationsByItself() throws Exception {
        rig = Rig.start(dir, dev.andon.rules.support.SampleRules.plant(), Alerts.EARLY_SHIFT,
                java.util.Map.of("escalationTickMillis", "20"));
        String id = rig.runbooks.intake().receive(Alerts.pressVibration(0.82, rig.clock.instant()), Alerts.GATEWAY).id();
        rig.clock.advance(Duration.ofMinutes(11));

        long deadline = System.currentTimeMillis() + 5_000;
        while (rig.alerts.get(id).state() != AlertState.ESCALATED && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }

        assertThat(rig.alerts.get(id).state()).isEqualTo(AlertState.ESCALATED);
        Thread.sleep(100);
        assertThat(escalations(rig.alerts.get(id))).isEqualTo(1);
    }
}
