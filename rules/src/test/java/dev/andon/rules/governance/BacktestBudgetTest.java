package dev.andon.rules.governance;

import dev.andon.core.error.ConflictException;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Principal;
import dev.andon.rules.decision.RunbookDecider;
import dev.andon.rules.support.Alerts;
import dev.andon.rules.support.Rig;
import dev.andon.rules.support.SampleRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static dev.andon.rules.governance.RulesetGovernanceTest.AUTHOR;
import static dev.andon.rules.governance.RulesetGovernanceTest.PROCESS_OWNER;
import static dev.andon.rules.governance.RulesetGovernanceTest.sampleWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A ruleset nobody approved yet runs only in backtests, and there within a budget: rules that pass the sandbox gate
 * but insert, allocate or spin without end are stopped, get the fallback decision and say which budget they broke; an
 * evaluation that never comes back to the engine is abandoned and the backtest says so (and cannot be approved).
 */
class BacktestBudgetTest {
    @TempDir
    Path dir;
    Rig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    private RulesetGovernance start(Map<String, String> settings) {
        rig = Rig.start(dir, SampleRules.plant(), Alerts.EARLY_SHIFT, settings);
        rig.runbooks.intake().receive(Alerts.pressVibration(0.82, rig.clock.instant()), Alerts.GATEWAY);
        return rig.runbooks.rulesets();
    }

    private static String rule(String name, String when, String then) {
        return """
                package plant.budget;
                import dev.andon.rules.facts.*;
                global DecisionDraft decision;
                rule "%s"
                when
                    %s
                then
                    %s
                end
                """.formatted(name, when, then);
    }

    /** A ruleset of one file: only the rule under test fires (the sample's rules would add steps on every update). */
    private static Map<String, byte[]> only(String name, String drl) {
        return Map.of(name, drl.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theAuditFindingAFileWritingUploadIsRefusedBeforeItCanBeBacktestedAndNothingIsWritten() {
        RulesetGovernance rulesets = start(Map.of());
        Path marker = dir.resolve("written-by-a-rule.txt");
        Map<String, byte[]> files = sampleWith("attack.drl", rule("write a file", "$a : AlertFact()",
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"pwned\");"));

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> rulesets.upload(AUTHOR, files));

        assertThat(refused.problems()).first().satisfies(p -> assertThat(p.field()).isEqualTo("attack.drl:8"));
        assertThat(rulesets.list()).extracting(RulesetVersion::version).containsExactly("v1");
        assertThatThrownBy(() -> rulesets.backtest(AUTHOR, "v2")).hasMessageContaining("v2");
        assertThatThrownBy(() -> rulesets.upload(null, files)).isInstanceOf(ForbiddenException.class);
        assertThat(marker).doesNotExist();
    }

    @Test
    void rulesThatKeepInsertingAreStoppedByTheInsertBudget() {
        RulesetGovernance rulesets = start(Map.of("backtestAlertMaxInserts", "200", "ruleFiringLimit", "1000000"));
        RulesetVersion v = rulesets.upload(AUTHOR, only("breed.drl", rule("breed", "Procedure()",
                "insert(new Procedure(\"breed\", \"SOP-X\"));") + """
                rule "seed"
                when
                    AlertFact()
                then
                    insert(new Procedure("seed", "SOP-X"));
                end
                """));

        BacktestReport report = rulesets.backtest(AUTHOR, v.version());

        assertThat(report.stopped()).isNull();
        assertThat(report.replayed()).isEqualTo(1);
        assertThat(report.overBudget()).isEqualTo(1);
        assertThat(report.examples()).singleElement().satisfies(e -> {
            assertThat(e.after().flags()).contains(RunbookDecider.OVER_BUDGET, "fallback");
            assertThat(e.after().flags()).doesNotContain("runaway-rule");
        });
    }

    @Test
    void rulesThatSpinAreStoppedByTheTimeBudget() {
        RulesetGovernance rulesets = start(Map.of("backtestAlertMillis", "300", "backtestAlertMaxMb", "1000000",
                "ruleFiringLimit", "100000000"));
        RulesetVersion v = rulesets.upload(AUTHOR, only("spin.drl", rule("spin", "$a : AlertFact()", "update($a);")));

        BacktestReport report = rulesets.backtest(AUTHOR, v.version());

        assertThat(report.overBudget()).isEqualTo(1);
        assertThat(report.examples()).singleElement().satisfies(e ->
                assertThat(e.after().flags()).contains(RunbookDecider.OVER_BUDGET));
        assertThat(rig.runbooks.evaluationProblems()).as("a backtest's problems are not the service's").isEmpty();
    }

    @Test
    void rulesThatAllocateWithoutEndAreStoppedByTheMemoryBudget() {
        RulesetGovernance rulesets = start(Map.of("backtestAlertMaxMb", "4", "backtestAlertMillis", "600000",
                "ruleFiringLimit", "100000000"));
        RulesetVersion v = rulesets.upload(AUTHOR, only("grow.drl", rule("grow", "$a : AlertFact()",
                "update($a);")));

        BacktestReport report = rulesets.backtest(AUTHOR, v.version());

        assertThat(report.overBudget()).isEqualTo(1);
        assertThat(report.examples()).singleElement().satisfies(e ->
                assertThat(e.after().flags()).contains(RunbookDecider.OVER_BUDGET));
    }

    @Test
    void anEvaluationThatNeverReturnsToTheEngineIsAbandonedAndTheBacktestCannotBeApproved() {
        RulesetGovernance rulesets = start(Map.of("backtestAlertMillis", "100"));
        // Catastrophic backtracking: one condition, one call into java.util.regex, about 2 s on 26 characters even on a
        // quiet machine (it ends on its own; the abandoned thread is a daemon).
        rig.runbooks.intake().receive(Alerts.fromSource("a".repeat(26) + "-model", Alerts.pressVibration(0.9, rig.clock.instant())), Alerts.GATEWAY);
        RulesetVersion v = rulesets.upload(AUTHOR, only("backtrack.drl", rule("backtrack",
                "AlertFact(source matches \"((a+)+)+b\")", "decision.flag(\"never\");")));

        BacktestReport report = rulesets.backtest(AUTHOR, v.version());

        assertThat(report.stopped()).contains("abandoned");
        assertThat(rulesets.get(v.version()).backtest().stopped()).contains("abandoned");
        assertThatThrownBy(() -> rulesets.approve(PROCESS_OWNER, v.version()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("did not finish");
    }
}
