package dev.andon.rules.engine;

import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.rules.support.DecisionTableWorkbook;
import dev.andon.rules.support.SampleRules;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RulesetCompilerTest {
    private final RulesetCompiler compiler = new RulesetCompiler();

    private static final String THRESHOLDS_HEAD = """
            RuleSet,dev.andon.rules.test.thresholds
            Import,"dev.andon.rules.facts.AlertFact, dev.andon.rules.facts.ConfidenceBand, dev.andon.rules.facts.DecisionDraft"
            Variables,dev.andon.rules.facts.DecisionDraft decision
            ,
            RuleTable Thresholds
            """;

    private static final String DRL_OK = """
            package dev.andon.rules.test;
            import dev.andon.rules.facts.*;
            global DecisionDraft decision;
            rule "Anything goes to the team leader"
            when
                AlertFact()
            then
                decision.runbook("general");
                decision.owner("team-leader");
            end
            """;

    private List<Problem> problems(Map<String, String> files) {
        Map<String, byte[]> bytes = new java.util.TreeMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return problemsOf(bytes);
    }

    private List<Problem> problemsOf(Map<String, byte[]> files) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> compiler.compile("t", new RuleBundle(files)));
        assertThat(e).as("compilation should fail").isNotNull();
        return e.problems();
    }

    @Test
    void contentPreparedAheadIsBuiltOnceAndWhoeverAsksForItWhileItBuildsGetsTheSameRules() throws Exception {
        RuleBundle bundle = new RuleBundle(Map.of("a.drl", DRL_OK.getBytes(StandardCharsets.UTF_8)));
        try (RulesetCompiler shared = new RulesetCompiler()) {
            Thread ahead = new Thread(() -> shared.prepare(() -> bundle));
            ahead.start();
            CompiledRuleset asked = shared.compile("v3", bundle);
            ahead.join();

            assertThat(asked.version()).isEqualTo("v3");
            assertThat(asked.ruleCount()).isEqualTo(1);
            assertThat(shared.compile("v4", bundle).kieBase()).isSameAs(asked.kieBase());
        }
    }

    @Test
    void brokenContentPreparedAheadIsReportedToWhoeverCompilesItNext() {
        RuleBundle broken = new RuleBundle(Map.of("a.drl", "package x; rule \"no end\" when then".getBytes(StandardCharsets.UTF_8)));
        compiler.prepare(() -> broken);
        compiler.prepare(() -> {
            throw new IllegalStateException("rules folder is gone");
        });

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> compiler.compile("v2", broken));
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.field()).startsWith("a.drl"));
    }

    @Test
    void sampleRulesFolderCompilesItsDrlFilesAndBothKindsOfDecisionTable() {
        CompiledRuleset c = SampleRules.compiled();

        assertThat(SampleRules.bundle().files().keySet())
                .contains("runbooks.drl", "escalation.drl", "thresholds.csv", "routing.xlsx");
        List<String> rules = c.kieBase().getKiePackages().stream().map(KiePackage::getRules)
                .flatMap(java.util.Collection::stream).map(Rule::getName).toList();
        assertThat(rules).contains("Vibration threshold", "Vibration: model is sure", "Any other alert",
                "Presses: lock out and tag out before hands-on work");
        assertThat(c.ruleCount()).isEqualTo(rules.size()).isGreaterThan(40);
        assertThat(c.hash()).startsWith("sha256:");
    }

    @Test
    void drlSyntaxErrorIsReportedWithFileAndLine() {
        List<Problem> problems = problems(Map.of("ok.drl", DRL_OK, "broken.drl", """
                package dev.andon.rules.test;
                import dev.andon.rules.facts.*;
                global DecisionDraft decision;
                rule "Broken"
                when
                    AlertFact(confidence >>> 0.5)
                then
                    decision.flag("x");
                end
                """));

        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.field()).startsWith("broken.drl:"));
        assertThat(problems).extracting(Problem::field).contains("broken.drl:6");
    }

    @Test
    void unknownFieldInARuleIsReportedWithItsLine() {
        List<Problem> problems = problems(Map.of("typo.drl", DRL_OK.replace("AlertFact()", "AlertFact(colour == \"red\")")));

        assertThat(problems).extracting(Problem::field).containsExactly("typo.drl:6");
        assertThat(problems.get(0).message()).contains("colour");
    }

    @Test
    void decisionTableColumnOnAnUnknownFieldIsRefusedNamingFileAndRow() {
        List<Problem> problems = problems(Map.of("ok.drl", DRL_OK, "thresholds.csv", THRESHOLDS_HEAD + """
                CONDITION,ACTION
                $a : AlertFact,
                \"colour == \"\"$param\"\"\",\"insert(new ConfidenceBand($a, $param));\"
                Colour,Threshold
                red,0.5
                blue,0.7
                """));

        assertThat(problems).extracting(Problem::field).contains("thresholds.csv:10");
        assertThat(problems).extracting(Problem::message).anyMatch(m -> m.contains("colour"));
    }

    @Test
    void decisionTableWithAMisspelledColumnKindIsRefusedWithTheReason() {
        List<Problem> problems = problems(Map.of("ok.drl", DRL_OK, "thresholds.csv", THRESHOLDS_HEAD + """
                CONDITON,ACTION
                $a : AlertFact,
                \"type == \"\"$param\"\"\",\"insert(new ConfidenceBand($a, $param));\"
                Type,Threshold
                tool-wear,0.5
                """));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).startsWith("thresholds.csv");
            assertThat(p.message()).containsIgnoringCase("CONDITON");
        });
    }

    @Test
    void workbookWithABrokenActionColumnIsRefusedNamingTheWorkbook() {
        byte[] xlsx = DecisionTableWorkbook.fromCsv(THRESHOLDS_HEAD + """
                CONDITION,ACTION
                $a : AlertFact,
                \"type == \"\"$param\"\"\",\"decision.nonsense($param);\"
                Type,Threshold
                tool-wear,0.5
                """);
        List<Problem> problems = problemsOf(Map.of("routing.xlsx", xlsx, "ok.drl", DRL_OK.getBytes(StandardCharsets.UTF_8)));

        assertThat(problems).extracting(Problem::field).contains("routing.xlsx:10");
        assertThat(problems).extracting(Problem::message).anyMatch(m -> m.contains("nonsense"));
    }

    @Test
    void rulesetWithoutTheDecisionGlobalIsRefused() {
        List<Problem> problems = problems(Map.of("no-global.drl", """
                package dev.andon.rules.test;
                import dev.andon.rules.facts.*;
                rule "Nothing"
                when
                    AlertFact()
                then
                end
                """));

        assertThat(problems).extracting(Problem::message).anyMatch(m -> m.contains("global dev.andon.rules.facts.DecisionDraft decision"));
    }

    @Test
    void otherFileTypesAndPathsAreRefused() {
        List<Problem> problems = problems(Map.of("notes.txt", "hello", "../escape.drl", DRL_OK));

        assertThat(problems).extracting(Problem::field).containsExactlyInAnyOrder("notes.txt", "../escape.drl");
    }
}
