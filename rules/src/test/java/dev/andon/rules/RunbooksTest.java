package dev.andon.rules;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.rules.support.Alerts;
import dev.andon.rules.support.Rig;
import dev.andon.rules.support.SampleRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunbooksTest {
    @TempDir
    Path dir;

    @Test
    void healthNamesTheActiveVersion() {
        try (Rig rig = Rig.start(dir, Alerts.EARLY_SHIFT)) {
            RulesHealth health = rig.runbooks.health();

            assertThat(health.up()).isTrue();
            assertThat(health.activeVersion()).isEqualTo("v1");
            assertThat(health.detail()).contains("ruleset v1 active").contains("rules");
        }
    }

    @Test
    void withoutAnyUsableRulesHealthIsDownAndAlertsStillGetTheFallbackDecision() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("runbooks.drl"), "package broken;\nrule \"x\" when Foo( then end\n");
        try (Rig rig = Rig.start(dir.resolve("data"), SampleRules.plant(), Alerts.EARLY_SHIFT, Map.of("rulesDir", rules.toString()))) {
            RulesHealth health = rig.runbooks.health();
            assertThat(health.up()).isFalse();
            assertThat(health.activeVersion()).isNull();
            assertThat(health.detail()).contains("no ruleset is active").contains("runbooks.drl:2");

            AlertRecord rec = rig.runbooks.intake().receive(Alerts.pressVibration(0.82, rig.clock.instant()), Alerts.GATEWAY);

            assertThat(rec.state()).isEqualTo(AlertState.ASSIGNED);
            assertThat(rec.decision().flags()).contains("fallback", "no-ruleset");
            assertThat(rec.decision().assignee().person()).isEqualTo("luca.bianchi");
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersNorTheIntake() {
        try (Rig rig = Rig.start(dir, Alerts.EARLY_SHIFT)) {
            List<String> heard = new ArrayList<>();
            rig.runbooks.onChange(r -> {
                throw new IllegalStateException("event bus down");
            });
            rig.runbooks.onChange(r -> heard.add(r.id()));

            AlertRecord rec = rig.runbooks.intake().receive(Alerts.pressVibration(0.82, rig.clock.instant()), Alerts.GATEWAY);

            assertThat(heard).containsExactly(rec.id());
            assertThat(rig.alerts.get(rec.id()).state()).isEqualTo(AlertState.ASSIGNED);
        }
    }
}
