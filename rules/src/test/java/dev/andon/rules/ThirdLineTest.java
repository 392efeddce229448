package dev.andon.rules;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Severity;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import dev.andon.rules.support.Alerts;
import dev.andon.rules.support.Rig;
import dev.andon.rules.support.SampleRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A third line added to the plant file, with no rule edits, gets working runbooks from the sample rules. */
class ThirdLineTest {
    @TempDir
    Path dir;
    Rig rig;

    static Plant plantWithLineL3(Path dir) throws IOException {
        String yaml = Files.readString(SampleRules.PLANT_FILE, StandardCharsets.UTF_8);
        yaml = insertBefore(yaml, "\nalertTypes:", lines(
                "  - id: L3",
                "    name: Press line 3",
                "    area: Stamping",
                "    product: Hinge HG-4",
                "    stations:",
                "      - { id: blank-1, name: Blanking feeder 1, kind: feeder, equipment: [decoiler] }",
                "      - { id: press-7, name: Servo press 7, kind: press, equipment: [hydraulic-press, die] }",
                "      - { id: weld-8, name: Spot welder 8, kind: welder, equipment: [welding-gun] }"));
        yaml = insertBefore(yaml, "\n\npeople:", lines(
                "  - { id: spindle-overload, name: Spindle overload, category: mechanical, description: \"Spindle current above its band\" }"));
        // New people go at the end of the people list, whatever section follows it.
        yaml = insertBefore(yaml, yaml.contains("\nskills:") ? "\nskills:" : "\n\nroster:", lines(
                "  - id: ines.moreau",
                "    name: Ines Moreau",
                "    roles: [maintenance]",
                "    qualifications:",
                "      - { subject: hydraulic-press, level: qualified }",
                "  - id: piet.janssen",
                "    name: Piet Janssen",
                "    roles: [operator]",
                "    qualifications:",
                "      - { subject: press-7, level: qualified }",
                "      - { subject: weld-8, level: qualified }",
                "  - id: ana.silva",
                "    name: Ana Silva",
                "    roles: [team-leader]"));
        yaml = insertBefore(yaml, "\n\nonCall:", lines(
                "  - { shift: early, line: L3, role: maintenance, person: ines.moreau }",
                "  - { shift: early, line: L3, role: operator, person: piet.janssen }",
                "  - { shift: early, line: L3, role: team-leader, person: ana.silva }"));
        Path file = dir.resolve("plant-with-l3.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return new PlantLoader().load(file);
    }

    private static String lines(String... lines) {
        return "\n" + String.join("\n", lines);
    }

    private static String insertBefore(String text, String marker, String insert) {
        int at = text.indexOf(marker);
        assertThat(at).as("marker %s in the sample plant", marker).isPositive();
        return text.substring(0, at) + insert + text.substring(at);
    }

    @BeforeEach
    void start() throws IOException {
        Plant plant = plantWithLineL3(dir);
        assertThat(plant.line("L3")).isPresent();
        rig = Rig.start(dir.resolve("data"), plant, Alerts.EARLY_SHIFT, Map.of());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private AlertRecord receive(String station, String type, double confidence) {
        return rig.runbooks.intake().receive(Alerts.alert("model-" + type, "L3", station, type, Severity.HIGH, confidence,
                rig.clock.instant()), Alerts.GATEWAY);
    }

    private static List<String> refs(AlertRecord r) {
        return r.decision().steps().stream().map(s -> s.source().documentId() + " " + s.source().section()).toList();
    }

    @Test
    void pressVibrationOnTheNewLineGetsLockOutStepsAndTheQualifiedTechnician() {
        AlertRecord r = receive("press-7", "vibration-anomaly", 0.9);

        assertThat(r.state()).isEqualTo(AlertState.ASSIGNED);
        assertThat(r.decision().runbook()).isEqualTo("vibration-action");
        assertThat(r.decision().assignee().person()).as("qualified through the press's equipment").isEqualTo("ines.moreau");
        assertThat(r.decision().flags()).contains("loto-required").doesNotContain("fallback");
        assertThat(refs(r)).contains("LOTO-PRESS-01 4.1", "LOTO-PRESS-01 4.2", "LOTO-PRESS-01 4.3", "LOTO-PRESS-01 5",
                "LOTO-PRESS-01 6").noneMatch(ref -> ref.startsWith("SOP-L2-"));
        assertThat(r.decision().escalation()).extracting(e -> e.toPerson()).containsExactly("ana.silva", "nicola.rinaldi");
    }

    @Test
    void unsureAlertOnTheNewLineIsVerifiedByTheQualifiedOperator() {
        AlertRecord r = receive("weld-8", "temperature-drift", 0.4);

        assertThat(r.decision().runbook()).isEqualTo("verify-first");
        assertThat(r.decision().assignee().person()).isEqualTo("piet.janssen");
        assertThat(refs(r)).first().isEqualTo("PB-VERIFY-LOW-CONFIDENCE 2");
    }

    @Test
    void andonCordAndANewAlertTypeOnTheNewLineAreHandled() {
        AlertRecord cord = receive("blank-1", "andon-cord", 1.0);
        AlertRecord spindle = receive("press-7", "spindle-overload", 0.8);

        assertThat(cord.decision().assignee().person()).isEqualTo("ana.silva");
        assertThat(spindle.decision().runbook()).as("new type: default threshold, category row").isEqualTo("mechanical-check");
        assertThat(spindle.decision().firedRules()).extracting(f -> f.name()).contains("Default confidence threshold");
        assertThat(spindle.decision().assignee().person()).isEqualTo("ines.moreau");
    }
}
