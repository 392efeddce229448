package dev.andon.rules.decision;

import dev.andon.core.alert.ActionStep;
import dev.andon.core.alert.Alert;
import dev.andon.core.alert.Decision;
import dev.andon.core.alert.EscalationStep;
import dev.andon.core.alert.FiredRule;
import dev.andon.core.alert.Severity;
import dev.andon.core.line.StationStatus;
import dev.andon.rules.engine.CompiledRuleset;
import dev.andon.rules.support.Alerts;
import dev.andon.rules.support.Deciders;
import dev.andon.rules.support.SampleRules;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunbookDecisionTest {
    private final EvaluationProblems problems = new EvaluationProblems();
    private final RunbookDecider decider = Deciders.forPlant(SampleRules.plant(), problems);

    static DecisionInputs inputs(Alert alert, Instant at, boolean flapping) {
        return new DecisionInputs(at, StationStatus.unknown(alert.line(), alert.station()), 1, flapping,
                HistoryCounts.none(60), List.of());
    }

    private Decision decide(Alert alert, Instant at) {
        return decider.decide(SampleRules.compiled(), Alerts.withId(alert, "1"), inputs(alert, at, false), List.of());
    }

    private static List<String> refs(Decision d) {
        return d.steps().stream().map(s -> s.source().documentId() + " " + s.source().section()).toList();
    }

    @Test
    void confidentPressVibrationGoesToTheQualifiedMaintenanceTechnicianOnShift() {
        Decision d = decide(Alerts.pressVibration(0.82, Alerts.EARLY_SHIFT), Alerts.EARLY_SHIFT);

        assertThat(d.runbook()).isEqualTo("vibration-action");
        assertThat(d.ownerRole()).isEqualTo("maintenance");
        assertThat(d.assignee().person()).isEqualTo("marco.ferri");
        assertThat(d.assignee().via()).isEqualTo("on-shift");
        assertThat(refs(d)).containsExactly(
                "SOP-L2-PRESS-VIB 3.1", "SOP-L2-PRESS-VIB 3.2", "SOP-L2-PRESS-VIB 4.1", "SOP-L2-PRESS-VIB 4.2",
                "LOTO-PRESS-01 4.1", "LOTO-PRESS-01 4.2", "LOTO-PRESS-01 4.3", "LOTO-PRESS-01 5",
                "SOP-L2-PRESS-VIB 5.1", "SOP-L2-PRESS-VIB 5.2", "LOTO-PRESS-01 6", "SOP-L2-PRESS-VIB 6");
        assertThat(d.steps()).extracting(ActionStep::order).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(d.steps()).filteredOn(s -> s.source().documentId().equals("LOTO-PRESS-01"))
                .allMatch(ActionStep::safetyCritical);
        assertThat(d.steps().get(0)).extracting(ActionStep::role, ActionStep::text, ActionStep::safetyCritical)
                .containsExactly("operator", "Confirm the reading on the HMI", false);
        assertThat(d.flags()).contains("loto-required").doesNotContain("verify-first", "fallback");
        assertThat(d.acknowledgeBy()).isEqualTo(Alerts.EARLY_SHIFT.plus(Duration.ofMinutes(10)));
        assertThat(d.resolveBy()).isEqualTo(Alerts.EARLY_SHIFT.plus(Duration.ofMinutes(120)));
        assertThat(d.escalation()).extracting(EscalationStep::level, EscalationStep::after, EscalationStep::trigger,
                        EscalationStep::toRole, EscalationStep::toPerson)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, Duration.ofMinutes(10), "unacknowledged", "team-leader", "luca.bianchi"),
                        org.assertj.core.groups.Tuple.tuple(2, Duration.ofMinutes(120), "unresolved", "maintenance", "nicola.rinaldi"));
        assertThat(d.rulesetVersion()).isEqualTo("sample");
        assertThat(d.decidedAt()).isEqualTo(Alerts.EARLY_SHIFT);
    }

    @Test
    void everyFiredRuleIsExplainedWithTheFactsItMatched() {
        Decision d = decide(Alerts.pressVibration(0.82, Alerts.EARLY_SHIFT), Alerts.EARLY_SHIFT);

        assertThat(d.firedRules()).extracting(FiredRule::name).contains("Vibration threshold", "Vibration: model is sure",
                "Press 3 on L2: vibration procedure SOP-L2-PRESS-VIB", "Presses: lock out and tag out before hands-on work",
                "Escalate when nobody acknowledges in time", DecisionAssembler.ROSTER_RULE);
        assertThat(explanation(d, "Vibration: model is sure"))
                .contains("confidence 82% is at or above the 75% threshold for vibration-anomaly")
                .contains("maintenance job");
        assertThat(explanation(d, DecisionAssembler.ROSTER_RULE))
                .isEqualTo("Marco Ferri is maintenance on L2 this shift and qualified for press-3");
    }

    @Test
    void unsureVibrationGetsTheVerifyRunbookWithAManualCheckFirst() {
        Decision d = decide(Alerts.pressVibration(0.55, Alerts.EARLY_SHIFT), Alerts.EARLY_SHIFT);

        assertThat(d.runbook()).isEqualTo("vibration-verify");
        assertThat(d.ownerRole()).isEqualTo("operator");
        assertThat(d.assignee().person()).isEqualTo("anna.rossi");
        assertThat(refs(d)).first().isEqualTo("PB-VERIFY-LOW-CONFIDENCE 2");
        assertThat(refs(d)).containsExactly("PB-VERIFY-LOW-CONFIDENCE 2", "SOP-L2-PRESS-VIB 3.1", "SOP-L2-PRESS-VIB 3.2",
                "PB-VERIFY-LOW-CONFIDENCE 3");
        assertThat(d.flags()).contains("verify-first").doesNotContain("loto-required");
        assertThat(explanation(d, "Vibration: model is unsure")).contains("confidence 55% is below the 75% threshold");
    }

    @Test
    void theThresholdItselfCountsAsSure() {
        assertThat(decide(Alerts.pressVibration(0.75, Alerts.EARLY_SHIFT), Alerts.EARLY_SHIFT).runbook())
                .isEqualTo("vibration-action");
        assertThat(decide(Alerts.pressVibration(0.7499, Alerts.EARLY_SHIFT), Alerts.EARLY_SHIFT).runbook())
                .isEqualTo("vibration-verify");
    }

    @Test
    void whenNobodyInTheOwnerRoleIsQualifiedTheFallbackRoleTakesIt() {
        // Early shift, L2: the operator Anna Rossi is not qualified for vision-5; team leader Luca Bianchi is.
        Decision d = decide(Alerts.alert("L2", "vision-5", "vibration-anomaly", 0.5, Alerts.EARLY_SHIFT), Alerts.EARLY_SHIFT);

        assertThat(d.ownerRole()).isEqualTo("operator");
        assertThat(d.assignee().person()).isEqualTo("luca.bianchi");
        assertThat(d.assignee().role()).isEqualTo("team-leader");
        assertThat(d.assignee().via()).isEqualTo("fallback-role");
        assertThat(explanation(d, DecisionAssembler.ROSTER_RULE)).contains("nobody on shift on L2 as operator is qualified for vision-5");
    }

    @Test
    void whenNeitherRoleHasSomeoneQualifiedTheOnCallPersonIsCalled() {
        // Late shift, L2: Stefano Moretti is still in training on press-3 and the team leader holds no qualification.
        Decision d = decide(Alerts.pressVibration(0.82, Alerts.LATE_SHIFT), Alerts.LATE_SHIFT);

        assertThat(d.ownerRole()).isEqualTo("maintenance");
        assertThat(d.assignee().person()).isEqualTo("nicola.rinaldi");
        assertThat(d.assignee().via()).isEqualTo("on-call");
        assertThat(d.flags()).doesNotContain("unassigned");
    }

    @Test
    void suspectPartsArePutOnQualityHoldByTheQualityInspector() {
        Decision d = decide(Alerts.alert("vision-model", "L1", "vision-4", "vision-defect", Severity.MEDIUM, 0.93,
                Alerts.EARLY_SHIFT), Alerts.EARLY_SHIFT);

        assertThat(d.runbook()).isEqualTo("quality-hold");
        assertThat(d.assignee().person()).isEqualTo("giulia.conti");
        assertThat(d.flags()).contains("quality-hold");
        assertThat(refs(d)).containsExactly("SOP-QUALITY-HOLD 3", "SOP-QUALITY-HOLD 4", "SOP-QUALITY-HOLD 5");
    }

    @Test
    void criticalMachineAlertPutsStoppingTheLineOnTheTable() {
        Decision d = decide(Alerts.alert("vibration-model", "L2", "press-3", "vibration-anomaly", Severity.CRITICAL, 0.95,
                Alerts.EARLY_SHIFT), Alerts.EARLY_SHIFT);

        assertThat(d.flags()).contains("stop-line", "loto-required");
        assertThat(d.steps().get(0).source().documentId()).isEqualTo("SOP-ANDON-CORD");
        assertThat(d.steps().get(0).role()).isEqualTo("team-leader");
    }

    @Test
    void andonCordGoesToTheTeamLeaderWhateverTheirQualifications() {
        Decision d = decide(Alerts.alert("hmi", "L1", "pack-5", "andon-cord", Severity.HIGH, 1.0, Alerts.EARLY_SHIFT),
                Alerts.EARLY_SHIFT);

        assertThat(d.ownerRole()).isEqualTo("team-leader");
        assertThat(d.assignee().person()).isEqualTo("paolo.greco");
        assertThat(d.acknowledgeBy()).isEqualTo(Alerts.EARLY_SHIFT.plus(Duration.ofMinutes(3)));
        assertThat(refs(d)).containsExactly("SOP-ANDON-CORD 2", "SOP-ANDON-CORD 3");
    }

    @Test
    void flappingAlertIsRoutedToMaintenance() {
        Alert alert = Alerts.alert("tool-model", "L1", "robot-2", "tool-wear", Severity.MEDIUM, 0.9, Alerts.EARLY_SHIFT);
        Decision d = decider.decide(SampleRules.compiled(), Alerts.withId(alert, "1"), inputs(alert, Alerts.EARLY_SHIFT, true), List.of());

        assertThat(d.ownerRole()).isEqualTo("maintenance");
        assertThat(d.assignee().person()).isEqualTo("marco.ferri");
        assertThat(d.flags()).contains("flapping");
        assertThat(d.firedRules()).extracting(FiredRule::name).contains("Flapping alerts go to maintenance");
    }

    @Test
    void silentModelGetsManualInspectionRoundsFromTheTeamLeader() {
        Decision d = decide(Alerts.alert("vibration-model", "L2", "press-3", "model-silent", Severity.HIGH, 1.0,
                Alerts.NIGHT_SHIFT), Alerts.NIGHT_SHIFT);

        assertThat(d.runbook()).isEqualTo("model-silent");
        assertThat(d.assignee().person()).isEqualTo("karin.huber");
        assertThat(refs(d)).containsExactly("PB-MODEL-SILENT 2", "PB-MODEL-SILENT 3");
        assertThat(d.flags()).contains("model-silent");
    }

    @Test
    void pressOnAnyLineGetsTheGenericVibrationStepsAndLockOutWhenItHasNoSopOfItsOwn() {
        // L1 has no press; the generic steps apply to robot-2's neighbour feeder-1, without lock-out.
        Decision d = decide(Alerts.alert("L1", "feeder-1", "vibration-anomaly", 0.9, Alerts.EARLY_SHIFT), Alerts.EARLY_SHIFT);

        assertThat(refs(d)).containsExactly("SOP-TEMP-DRIFT 4", "SOP-TEMP-DRIFT 3", "STD-ESCALATION 2");
        assertThat(d.flags()).doesNotContain("loto-required");
        assertThat(refs(d)).noneMatch(r -> r.startsWith("SOP-L2-PRESS-VIB"));
    }

    @Test
    void runawayRuleIsCutOffAndTheAlertGetsTheFallbackDecision() {
        CompiledRuleset runaway = TestBundles.compileSampleWith("runaway.drl", """
                package dev.andon.rules.test;
                import dev.andon.rules.facts.*;
                global DecisionDraft decision;
                rule "Keeps poking the alert"
                when
                    $a : AlertFact()
                then
                    update($a);
                end
                """);
        Alert alert = Alerts.pressVibration(0.82, Alerts.EARLY_SHIFT);

        Decision d = decider.decide(runaway, Alerts.withId(alert, "7"), inputs(alert, Alerts.EARLY_SHIFT, false), List.of());

        assertThat(d.runbook()).isEqualTo(FallbackDecisions.RUNBOOK);
        assertThat(d.flags()).contains("fallback", "runaway-rule");
        assertThat(d.ownerRole()).isEqualTo("team-leader");
        assertThat(d.assignee().person()).isEqualTo("luca.bianchi");
        assertThat(d.firedRules()).singleElement().extracting(FiredRule::explanation).asString()
                .contains("Keeps poking the alert").contains("1000");
        assertThat(problems.latest()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("runaway-rule");
            assertThat(p.alertId()).isEqualTo("7");
        });
    }

    @Test
    void ruleThatThrowsGivesTheFallbackDecision() {
        CompiledRuleset broken = TestBundles.compileSampleWith("broken-step.drl", """
                package dev.andon.rules.test;
                import dev.andon.rules.facts.*;
                global DecisionDraft decision;
                rule "Step without a document"
                when
                    Runbook(chosen == true)
                then
                    decision.step(10, "operator", "Do something", null, "1");
                end
                """);
        Alert alert = Alerts.pressVibration(0.82, Alerts.EARLY_SHIFT);

        Decision d = decider.decide(broken, Alerts.withId(alert, "8"), inputs(alert, Alerts.EARLY_SHIFT, false), List.of());

        assertThat(d.flags()).contains("fallback", "rules-error");
        assertThat(d.firedRules().get(0).explanation()).contains("step document id is missing");
        assertThat(d.steps()).extracting(s -> s.source().documentId()).containsExactly("SOP-ANDON-CORD", "SOP-ANDON-CORD", "STD-ESCALATION");
    }

    @Test
    void noActiveRulesetGivesTheFallbackDecision() {
        Alert alert = Alerts.pressVibration(0.82, Alerts.EARLY_SHIFT);
        Decision d = decider.decide(null, Alerts.withId(alert, "9"), inputs(alert, Alerts.EARLY_SHIFT, false), List.of());

        assertThat(d.flags()).contains("fallback", "no-ruleset");
        assertThat(d.assignee().person()).isEqualTo("luca.bianchi");
    }

    @Test
    void decisionsDoNotDependOnWhatEarlierAlertsLeftInTheEngine() {
        List<Alert> mix = List.of(
                Alerts.pressVibration(0.82, Alerts.EARLY_SHIFT), Alerts.pressVibration(0.55, Alerts.EARLY_SHIFT),
                Alerts.alert("hmi", "L1", "pack-5", "andon-cord", Severity.HIGH, 1.0, Alerts.EARLY_SHIFT),
                Alerts.alert("L2", "station-4", "station-starved", 1.0, Alerts.EARLY_SHIFT),
                Alerts.alert("vision-model", "L1", "vision-4", "vision-defect", Severity.CRITICAL, 0.93, Alerts.EARLY_SHIFT),
                Alerts.alert("L2", "coil-1", "temperature-drift", 0.4, Alerts.EARLY_SHIFT));
        List<Decision> first = mix.stream().map(a -> decide(a, Alerts.EARLY_SHIFT)).toList();

        for (int round = 0; round < 5; round++) {
            for (int i = mix.size() - 1; i >= 0; i--) {
                assertThat(decide(mix.get(i), Alerts.EARLY_SHIFT)).as("alert %d in round %d", i, round).isEqualTo(first.get(i));
            }
        }
    }

    /** The sections the knowledge catalogue (helpers' CATALOGUE.md) promises; runbooks may cite nothing else. */
    private static final java.util.Set<String> CATALOGUE = java.util.Set.of(
            "SOP-L2-PRESS-VIB 3", "SOP-L2-PRESS-VIB 3.1", "SOP-L2-PRESS-VIB 3.2", "SOP-L2-PRESS-VIB 4", "SOP-L2-PRESS-VIB 4.1",
            "SOP-L2-PRESS-VIB 4.2", "SOP-L2-PRESS-VIB 5", "SOP-L2-PRESS-VIB 5.1", "SOP-L2-PRESS-VIB 5.2", "SOP-L2-PRESS-VIB 6",
            "LOTO-PRESS-01 4", "LOTO-PRESS-01 4.1", "LOTO-PRESS-01 4.2", "LOTO-PRESS-01 4.3", "LOTO-PRESS-01 5", "LOTO-PRESS-01 6",
            "PB-VERIFY-LOW-CONFIDENCE 2", "PB-VERIFY-LOW-CONFIDENCE 3", "PB-MODEL-SILENT 2", "PB-MODEL-SILENT 3",
            "SOP-QUALITY-HOLD 3", "SOP-QUALITY-HOLD 4", "SOP-QUALITY-HOLD 5", "SOP-HYDRAULIC-PRESSURE 3",
            "SOP-HYDRAULIC-PRESSURE 4", "SOP-TEMP-DRIFT 3", "SOP-TEMP-DRIFT 4", "SOP-TOOL-WEAR 3", "SOP-TOOL-WEAR 4",
            "SOP-ROBOT-WELD-L1 3", "SOP-ROBOT-WELD-L1 4", "PB-FLOW-STOPPAGE 2", "PB-FLOW-STOPPAGE 3", "SOP-ANDON-CORD 2",
            "SOP-ANDON-CORD 3", "STD-ESCALATION 2", "STD-ESCALATION 3", "SOP-POWER-RISK 3", "SOP-POWER-RISK 4");

    @Test
    void everySampleRunbookOnEveryStationCitesOnlyCatalogueSectionsAndLocksOutPressesFirst() {
        int decisions = 0;
        for (dev.andon.core.plant.Line line : SampleRules.plant().lines()) {
            for (dev.andon.core.plant.Station station : line.stations()) {
                for (dev.andon.core.plant.AlertType type : SampleRules.plant().alertTypes()) {
                    for (double confidence : new double[]{0.3, 0.95}) {
                        for (Instant at : new Instant[]{Alerts.EARLY_SHIFT, Alerts.LATE_SHIFT, Alerts.NIGHT_SHIFT}) {
                            Decision d = decide(Alerts.alert(line.id(), station.id(), type.id(), confidence, at), at);
                            decisions++;
                            assertThat(d.flags()).as("%s on %s/%s", type.id(), line.id(), station.id()).doesNotContain("fallback");
                            assertThat(refs(d)).isNotEmpty().allMatch(CATALOGUE::contains);
                            assertThat(d.assignee().person()).as("%s on %s/%s at %s", type.id(), line.id(), station.id(), at).isNotNull();
                            assertThat(d.steps()).filteredOn(s -> s.source().documentId().equals("LOTO-PRESS-01"))
                                    .allMatch(ActionStep::safetyCritical);
                        }
                    }
                }
            }
        }
        assertThat(decisions).isEqualTo(8 * 11 * 2 * 3);
    }

    private static String explanation(Decision d, String rule) {
        return d.firedRules().stream().filter(f -> f.name().equals(rule)).findFirst().map(FiredRule::explanation).orElse("(did not fire)");
    }
}
