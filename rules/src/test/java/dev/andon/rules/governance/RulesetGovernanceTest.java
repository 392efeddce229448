package dev.andon.rules.governance;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.Severity;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.PayloadTooLargeException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.identity.Principal;
import dev.andon.rules.support.Alerts;
import dev.andon.rules.support.DecisionTableWorkbook;
import dev.andon.rules.support.Rig;
import dev.andon.rules.support.SampleRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RulesetGovernanceTest {
    /** The sample plant's only process owner, and its runbook author. */
    static final Principal PROCESS_OWNER = person("roberta.fontana");
    static final Principal AUTHOR = person("bruno.esposito");
    static final Principal MAINTENANCE = person("marco.ferri");

    static Principal person(String id) {
        return new PlantPeople(SampleRules.plant()).principalOf(id).orElseThrow();
    }

    @TempDir
    Path dir;
    Rig rig;
    RulesetGovernance rulesets;

    @BeforeEach
    void start() {
        rig = Rig.start(dir, Alerts.EARLY_SHIFT);
        rulesets = rig.runbooks.rulesets();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    /** The sample rules with the routing spreadsheet edited: sure vibration alerts go to the operator. */
    static Map<String, byte[]> vibrationToOperator() {
        Map<String, byte[]> files = new HashMap<>(SampleRules.bundle().files());
        String csv = read("src/test/resources/sample-tables/routing.csv").replace(
                "Vibration: model is sure,vibration-anomaly,,act,vibration-action,maintenance,",
                "Vibration: model is sure,vibration-anomaly,,act,vibration-action,operator,");
        files.put("routing.xlsx", DecisionTableWorkbook.fromCsv(csv));
        return files;
    }

    static Map<String, byte[]> sampleWith(String name, String content) {
        Map<String, byte[]> files = new HashMap<>(SampleRules.bundle().files());
        files.put(name, content.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RulesetVersion uploadedBacktestedApproved() {
        RulesetVersion v2 = rulesets.upload(AUTHOR, vibrationToOperator());
        rulesets.backtest(AUTHOR, v2.version());
        return rulesets.approve(PROCESS_OWNER, v2.version());
    }

    @Test
    void rulesFolderIsTheInitialActiveVersionAndARestartKeepsIt() {
        assertThat(rulesets.list()).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo("v1");
            assertThat(v.author()).isEqualTo("rules-folder");
            assertThat(v.source()).isEqualTo(RulesetVersion.RULES_FOLDER);
            assertThat(v.status()).isEqualTo("active");
            assertThat(v.hash()).isEqualTo(SampleRules.bundle().hash());
            assertThat(v.files()).extracting(RuleFile::name).contains("routing.xlsx", "thresholds.csv", "runbooks.drl");
        });
        assertThat(rig.runbooks.health().up()).isTrue();
        assertThat(rig.runbooks.health().activeVersion()).isEqualTo("v1");

        rig.restart();

        assertThat(rig.runbooks.rulesets().list()).extracting(RulesetVersion::version).containsExactly("v1");
        assertThat(rig.runbooks.rulesets().active()).map(RulesetVersion::version).contains("v1");
    }

    @Test
    void uploadWithASyntaxErrorNamesFileAndLineAndLeavesTheActiveRulesAlone() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> rulesets.upload(AUTHOR,
                sampleWith("extra.drl", """
                        package dev.andon.rules.sample;
                        import dev.andon.rules.facts.*;
                        global DecisionDraft decision;

                        rule "Half written"
                        when
                            AlertFact(type == "tool-wear"
                        then
                            decision.flag("x");
                        end
                        """)));

        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.field()).matches("extra\\.drl:\\d+"));
        assertThat(rulesets.list()).extracting(RulesetVersion::version).containsExactly("v1");
        assertThat(rulesets.active()).map(RulesetVersion::version).contains("v1");
        AlertRecord rec = rig.runbooks.intake().receive(Alerts.pressVibration(0.82, rig.clock.instant()), Alerts.GATEWAY);
        assertThat(rec.decision().rulesetVersion()).isEqualTo("v1");
        assertThat(rec.decision().runbook()).isEqualTo("vibration-action");
    }

    @Test
    void decisionTableWithABadColumnIsRefusedWithTheReason() {
        String csv = read("src/test/resources/sample-tables/routing.csv").replace("NAME,CONDITION,CONDITION,", "NAME,CONDITION,CONDITIN,");
        Map<String, byte[]> files = new HashMap<>(SampleRules.bundle().files());
        files.put("routing.xlsx", DecisionTableWorkbook.fromCsv(csv));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> rulesets.upload(AUTHOR, files));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("routing.xlsx:10");
            assertThat(p.message()).contains("column C").contains("'CONDITIN'");
        });
        assertThat(rulesets.list()).hasSize(1);
    }

    @Test
    void uploadOverTheSizeLimitIsRefusedAsTooLarge() {
        rig.close();
        rig = Rig.start(dir.resolve("small"), SampleRules.plant(), Alerts.EARLY_SHIFT, Map.of("rulesetMaxBytes", "2000"));

        assertThatThrownBy(() -> rig.runbooks.rulesets().upload(AUTHOR, vibrationToOperator()))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("2000");
        assertThat(rig.runbooks.rulesets().list()).hasSize(1);
    }

    @Test
    void backtestShowsHowManyStoredDecisionsWouldChangeSideBySide() {
        AlertRecord press = rig.runbooks.intake().receive(Alerts.pressVibration(0.82, rig.clock.instant()), Alerts.GATEWAY);
        rig.runbooks.intake().receive(Alerts.alert("hmi", "L1", "pack-5", "andon-cord", Severity.HIGH, 1.0, rig.clock.instant()), Alerts.GATEWAY);
        rig.runbooks.intake().receive(Alerts.fromSource("second-model", Alerts.pressVibration(0.5, rig.clock.instant())), Alerts.GATEWAY);
        RulesetVersion v2 = rulesets.upload(AUTHOR, vibrationToOperator());
        assertThat(v2.version()).isEqualTo("v2");
        assertThat(v2.status()).isEqualTo("uploaded");

        BacktestReport report = rulesets.backtest(AUTHOR, "v2");

        assertThat(report.replayed()).isEqualTo(3);
        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(2);
        assertThat(report.examples()).singleElement().satisfies(ex -> {
            assertThat(ex.alertId()).isEqualTo(press.id());
            assertThat(ex.before().ownerRole()).isEqualTo("maintenance");
            assertThat(ex.after().ownerRole()).isEqualTo("operator");
            assertThat(ex.before().assignee()).startsWith("marco.ferri");
            assertThat(ex.after().assignee()).startsWith("anna.rossi");
            assertThat(ex.differences()).contains("owner role: maintenance → operator");
        });
        assertThat(rulesets.get("v2").status()).isEqualTo("backtested");
        assertThat(rulesets.get("v2").backtest().changed()).isEqualTo(1);
    }

    @Test
    void onlyAProcessOwnerWhoIsNotTheAuthorMayApprove() {
        RulesetVersion mine = rulesets.upload(PROCESS_OWNER, vibrationToOperator());
        assertThat(mine.author()).isEqualTo("roberta.fontana");
        rulesets.backtest(PROCESS_OWNER, mine.version());

        assertThatThrownBy(() -> rulesets.approve(PROCESS_OWNER, mine.version()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("author");
        assertThatThrownBy(() -> rulesets.approve(MAINTENANCE, mine.version()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("rulesets:approve");
        assertThatThrownBy(() -> rulesets.approve(AUTHOR, mine.version()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("rulesets:approve");
        assertThatThrownBy(() -> rulesets.approve(Principal.machine("t1", "gateway", Set.of("alerts:write"), Set.of(), true),
                mine.version())).isInstanceOf(ForbiddenException.class);
        assertThat(rulesets.get(mine.version()).approvedBy()).isNull();
    }

    @Test
    void theAuthorIsWhoeverUploadedAndOnlyRunbookAuthorsAndProcessOwnersMayUploadOrBacktest() {
        RulesetVersion v2 = rulesets.upload(AUTHOR, vibrationToOperator());
        assertThat(v2.author()).isEqualTo("bruno.esposito");

        assertThatThrownBy(() -> rulesets.upload(MAINTENANCE, sampleWith("extra.drl", "package plant.x;")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("rulesets:upload");
        assertThatThrownBy(() -> rulesets.upload(person("anna.rossi"), vibrationToOperator()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rulesets.backtest(MAINTENANCE, v2.version()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rulesets.activate(AUTHOR, v2.version()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("rulesets:activate");
        assertThatThrownBy(() -> rulesets.rollback(MAINTENANCE)).isInstanceOf(ForbiddenException.class);
        assertThat(rulesets.list()).hasSize(2);
        assertThat(rulesets.get(v2.version()).backtest()).isNull();
        assertThat(rulesets.active()).map(RulesetVersion::version).contains("v1");
    }

    @Test
    void approvalNeedsABacktestAndActivationNeedsAnApproval() {
        RulesetVersion v2 = rulesets.upload(AUTHOR, vibrationToOperator());

        assertThatThrownBy(() -> rulesets.activate(PROCESS_OWNER, v2.version()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not approved");
        assertThatThrownBy(() -> rulesets.approve(PROCESS_OWNER, v2.version()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("backtest");
        assertThat(rulesets.active()).map(RulesetVersion::version).contains("v1");
    }

    @Test
    void activatedVersionDecidesNewAlertsWhileEarlierAlertsKeepTheirDecisionAndRollbackRestoresThePrevious() {
        AlertRecord before = rig.runbooks.intake().receive(Alerts.pressVibration(0.82, rig.clock.instant()), Alerts.GATEWAY);
        RulesetVersion approved = uploadedBacktestedApproved();
        assertThat(approved.approvedBy()).isEqualTo(PROCESS_OWNER.id());
        assertThat(approved.status()).isEqualTo("approved");

        RulesetVersion active = rulesets.activate(PROCESS_OWNER, "v2");

        assertThat(active.status()).isEqualTo("active");
        assertThat(active.activatedBy()).isEqualTo(PROCESS_OWNER.id());
        assertThat(rig.runbooks.health().activeVersion()).isEqualTo("v2");
        AlertRecord after = rig.runbooks.intake().receive(Alerts.fromSource("other-model", Alerts.pressVibration(0.82, rig.clock.instant())), Alerts.GATEWAY);
        assertThat(after.decision().rulesetVersion()).isEqualTo("v2");
        assertThat(after.decision().ownerRole()).isEqualTo("operator");
        assertThat(rig.alerts.get(before.id()).decision().rulesetVersion()).isEqualTo("v1");
        assertThat(rig.alerts.get(before.id()).decision().ownerRole()).isEqualTo("maintenance");

        rig.restart();
        assertThat(rig.runbooks.rulesets().active()).map(RulesetVersion::version).contains("v2");

        RulesetVersion back = rig.runbooks.rulesets().rollback(PROCESS_OWNER);

        assertThat(back.version()).isEqualTo("v1");
        assertThat(rig.runbooks.rulesets().list()).extracting(RulesetVersion::version, RulesetVersion::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v2", "inactive"), org.assertj.core.groups.Tuple.tuple("v1", "active"));
        AlertRecord afterRollback = rig.runbooks.intake().receive(Alerts.fromSource("third-model", Alerts.pressVibration(0.82, rig.clock.instant())), Alerts.GATEWAY);
        assertThat(afterRollback.decision().rulesetVersion()).isEqualTo("v1");
        assertThat(afterRollback.decision().ownerRole()).isEqualTo("maintenance");
        assertThatThrownBy(() -> rig.runbooks.rulesets().rollback(PROCESS_OWNER)).isInstanceOf(ConflictException.class);
    }

    @Test
    void uploadingTheSameFilesAgainGivesTheSameVersion() {
        Map<String, byte[]> files = vibrationToOperator();
        RulesetVersion first = rulesets.upload(AUTHOR, files);
        RulesetVersion again = rulesets.upload(AUTHOR, files);

        assertThat(again.version()).isEqualTo(first.version());
        assertThat(rulesets.list()).hasSize(2);
        assertThat(rulesets.files(first.version()).keySet()).contains("routing.xlsx", "runbooks.drl");
    }

    @Test
    void changedRulesFolderBecomesTheActiveVersionAtTheNextStart() throws IOException {
        Path folder = dir.resolve("rules");
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> f : SampleRules.bundle().files().entrySet()) {
            Files.write(folder.resolve(f.getKey()), f.getValue());
        }
        rig.close();
        rig = Rig.start(dir.resolve("data"), SampleRules.plant(), Alerts.EARLY_SHIFT, Map.of("rulesDir", folder.toString()));
        assertThat(rig.runbooks.rulesets().active()).map(RulesetVersion::version).contains("v1");

        Files.write(folder.resolve("routing.xlsx"), vibrationToOperator().get("routing.xlsx"));
        rig.restart();

        assertThat(rig.runbooks.rulesets().active()).map(RulesetVersion::version).contains("v2");
        assertThat(rig.runbooks.rulesets().get("v2").author()).isEqualTo("rules-folder");
    }

    @Test
    void brokenRulesFolderAtStartKeepsThePreviousVersionAndSaysSoInHealth() throws IOException {
        Path folder = dir.resolve("rules");
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> f : SampleRules.bundle().files().entrySet()) {
            Files.write(folder.resolve(f.getKey()), f.getValue());
        }
        rig.close();
        rig = Rig.start(dir.resolve("data"), SampleRules.plant(), Alerts.EARLY_SHIFT, Map.of("rulesDir", folder.toString()));
        Files.writeString(folder.resolve("runbooks.drl"), "rule \"oops\" when then");

        rig.restart();

        assertThat(rig.runbooks.rulesets().active()).map(RulesetVersion::version).contains("v1");
        assertThat(rig.runbooks.rulesets().folderProblems()).extracting(Problem::field).anyMatch(f -> f.startsWith("runbooks.drl"));
        assertThat(rig.runbooks.health().up()).isTrue();
        assertThat(rig.runbooks.health().detail()).contains("does not compile").contains("runbooks.drl");
    }
}
