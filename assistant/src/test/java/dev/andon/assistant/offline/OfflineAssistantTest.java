package dev.andon.assistant.offline;

import dev.andon.assistant.AndonAssistant;
import dev.andon.assistant.Assistants;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.Citation;
import dev.andon.assistant.SamplePlant;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.line.StationState;
import dev.andon.core.line.StationStatus;
import dev.andon.knowledge.KnowledgeBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.andon.assistant.SamplePlant.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** The offline assistant end to end over the sample plant, the real sample knowledge base and real MapDB stores. */
class OfflineAssistantTest {
    @TempDir
    static Path kbFolder;
    static KnowledgeBase kb;

    @TempDir
    Path data;
    SamplePlant plant;
    Assistants assistants;
    AndonAssistant assistant;

    @BeforeAll
    static void openKnowledge() {
        kb = SamplePlant.knowledge(kbFolder, Map.of());
    }

    @AfterAll
    static void closeKnowledge() {
        kb.close();
    }

    @BeforeEach
    void open() {
        plant = SamplePlant.open(data);
        assistants = plant.offline(kb);
        assistant = assistants.assistant();
    }

    @AfterEach
    void close() {
        assistants.close();
        plant.close();
    }

    @Test
    void explainsTheAlertDecisionWithOrderedCitedStepsDeadlinesAndWhy() {
        AlertRecord alert = plant.pressVibrationAlert(Map.of());

        ChatAnswer a = assistant.answer(ask("anna.rossi", "operator", "L2", null, "what about alert " + alert.id() + "?"));

        assertThat(a.intent()).isEqualTo("alert-help");
        assertThat(a.mode()).isEqualTo("offline");
        assertThat(a.alertIds()).containsExactly(alert.id());
        assertThat(a.text()).contains("Owner: maintenance technician — Marco Ferri (on shift)")
                .contains("Acknowledge by 09:10 (in 10 min)").contains("resolve by 11:00")
                .contains("press-vibration-high").contains("Runbook press-vibration, ruleset sample-2026.11.1");
        assertThat(a.text().indexOf("1. [operator — you] Confirm the vibration reading"))
                .isPositive().isLessThan(a.text().indexOf("2. [operator — you] Inspect"));
        assertThat(a.text().indexOf("5. [maintenance technician] Isolate hydraulic energy"))
                .isGreaterThan(a.text().indexOf("4. [maintenance technician] Isolate electrical energy"));
        assertThat(a.citations()).extracting(c -> c.documentId() + " " + c.section()).containsExactly(
                "SOP-L2-PRESS-VIB 3.1", "SOP-L2-PRESS-VIB 3.2", "SOP-L2-PRESS-VIB 4.1", "LOTO-PRESS-01 4.1",
                "LOTO-PRESS-01 4.2", "SOP-L2-PRESS-VIB 5.1");
        assertThat(a.citations()).allSatisfy(c -> assertThat(c.version()).isNotBlank());
    }

    @Test
    void quotesSafetyCriticalStepsVerbatimFromTheirSection() {
        AlertRecord alert = plant.pressVibrationAlert(Map.of());
        String electrical = kb.section("LOTO-PRESS-01", "4.1").orElseThrow().text().strip();
        String hydraulic = kb.section("LOTO-PRESS-01", "4.2").orElseThrow().text().strip();

        ChatAnswer a = assistant.answer(ask("marco.ferri", "maintenance", "L2", null, "alert " + alert.id()));

        assertThat(a.text()).contains("Isolate electrical energy — SAFETY-CRITICAL, quoted verbatim")
                .contains("«" + electrical + "»").contains("«" + hydraulic + "»");
        Citation loto = a.citations().stream().filter(c -> c.section().equals("4.1") && c.documentId().equals("LOTO-PRESS-01")).findFirst().orElseThrow();
        assertThat(loto.safetyCritical()).isTrue();
        assertThat(loto.quote()).isEqualTo(kb.section("LOTO-PRESS-01", "4.1").orElseThrow().text());
        assertThat(loto.version()).isEqualTo("3.2");
    }

    @Test
    void stationProblemFindsTheOpenAlertOnThatStation() {
        plant.brushWearAlert();
        AlertRecord alert = plant.pressVibrationAlert(Map.of());

        ChatAnswer a = assistant.answer(ask("anna.rossi", "operator", "L2", null, "press-3 on L2 is flagging vibration, what do I do?"));

        assertThat(a.intent()).isEqualTo("alert-help");
        assertThat(a.alertIds()).containsExactly(alert.id());
        assertThat(a.text()).startsWith("Alert " + alert.id() + ": vibration-anomaly on press-3");
    }

    @Test
    void stationProblemWithoutAnOpenAlertAnswersFromTheRunbookSections() {
        ChatAnswer a = assistant.answer(ask("anna.rossi", "operator", "L2", null, "press 3 is flagging vibration, what do I do?"));

        assertThat(a.intent()).isEqualTo("alert-help");
        assertThat(a.text()).startsWith("There is no open alert on press-3 (L2) right now.");
        assertThat(a.citations()).isNotEmpty();
        assertThat(a.citations()).extracting(Citation::documentId).contains("SOP-L2-PRESS-VIB");
    }

    @Test
    void howToQuestionQuotesTheWorkInstructionWithVersionAndItsSafetyCriticalSection() {
        ChatAnswer a = assistant.answer(ask("anna.rossi", "operator", "L2", null, "How do I change the die on press 3?"));

        assertThat(a.intent()).isEqualTo("knowledge");
        assertThat(a.citations()).extracting(Citation::documentId).contains("WI-L2-PRESS3-DIE-CHANGE");
        assertThat(a.citations()).filteredOn(c -> c.documentId().equals("WI-L2-PRESS3-DIE-CHANGE"))
                .allSatisfy(c -> assertThat(c.version()).isEqualTo("5.1"));
        String secure = kb.section("WI-L2-PRESS3-DIE-CHANGE", "3").orElseThrow().text().strip();
        assertThat(a.text()).contains("«" + secure + "»");
    }

    @Test
    void howToAnswerOutlinesTheProcedureAndOffersEachSection() {
        ChatAnswer a = assistant.answer(ask("anna.rossi", "operator", "L2", null, "How do I change the die on press 3?"));
        assertThat(a.text()).contains("WI-L2-PRESS3-DIE-CHANGE Die change on press 3 (version 5.1) has these sections, in order: "
                + "1 Scope · 2 Prepare before the press stops · 3 Secure the press (safety-critical) · 4 Remove the old die · "
                + "5 Fit the new die · 6 First part and release.");

        ChatAnswer section = assistant.answer(ask("anna.rossi", "operator", "L2", a.conversationId(), "show WI-L2-PRESS3-DIE-CHANGE section 6"));

        assertThat(section.citations()).singleElement().satisfies(c -> assertThat(c.section()).isEqualTo("6"));
        assertThat(section.text()).contains(kb.section("WI-L2-PRESS3-DIE-CHANGE", "6").orElseThrow().text().strip());
    }

    @Test
    void torqueQuestionQuotesTheTableRowWithItsSource() {
        ChatAnswer a = assistant.answer(ask("anna.rossi", "operator", "L2", null, "what is the torque for the lower die clamp bolts?"));

        assertThat(a.text()).contains("Lower die clamp bolts M20").contains("240 N·m");
        assertThat(a.citations()).anySatisfy(c -> {
            assertThat(c.documentId()).isEqualTo("WI-L2-PRESS3-DIE-CHANGE");
            assertThat(c.section()).isEqualTo("5");
        });
    }

    @Test
    void questionNoApprovedSourceCoversGetsAnHonestAnswerAndWhoToAsk() {
        ChatAnswer a = assistant.answer(ask("anna.rossi", "operator", "L2", null, "How do I calibrate the laser marker?"));

        assertThat(a.text()).startsWith("No approved procedure covers this").contains("Luca Bianchi (team leader on L2");
        assertThat(a.citations()).isEmpty();
    }

    @Test
    void lineStatusListsStationStatesAndOpenAlerts() {
        AlertRecord alert = plant.pressVibrationAlert(Map.of());
        plant.stations.save(new StationStatus("L2", "press-3", StationState.DOWN, "vibration", SamplePlant.NOW.minus(Duration.ofMinutes(3)), "anna.rossi"));
        plant.stations.save(new StationStatus("L2", "coil-1", StationState.RUNNING, null, SamplePlant.NOW.minus(Duration.ofHours(2)), "plc"));

        ChatAnswer a = assistant.answer(ask("luca.bianchi", "team-leader", null, null, "status of L2"));

        assertThat(a.intent()).isEqualTo("line-status");
        assertThat(a.text()).contains("- press-3 (Hydraulic press 3): down since 08:57 — reason vibration; 1 open alert")
                .contains("- coil-1 (Coil feeder 1): running since 07:00")
                .contains("alert " + alert.id() + ": vibration-anomaly on press-3, high, assigned — owner maintenance technician (Marco Ferri), acknowledge by 09:10");
        assertThat(a.alertIds()).containsExactly(alert.id());
    }

    @Test
    void whatIsOpenOnMyLineUsesTheAskersLine() {
        plant.brushWearAlert();

        ChatAnswer a = assistant.answer(ask("luca.bianchi", "team-leader", "L2", null, "what is open on my line?"));

        assertThat(a.intent()).isEqualTo("line-status");
        assertThat(a.text()).startsWith("L2 — Press line 2").contains("tool-wear on station-4");
    }

    @Test
    void shiftSummaryReportsRaisedAcknowledgedResolvedOpenAndNotes() {
        AlertRecord open = plant.pressVibrationAlert(Map.of());
        AlertRecord done = plant.brushWearAlert();
        plant.alerts.transition(done.id(), AlertState.ACKNOWLEDGED, "anna.rossi", null, SamplePlant.NOW.minus(Duration.ofMinutes(20)));
        plant.alerts.transition(done.id(), AlertState.RESOLVED, "anna.rossi", "brush replaced", SamplePlant.NOW.minus(Duration.ofMinutes(10)));
        plant.notes.add(new dev.andon.core.identity.PlantPeople(plant.plant).principalOf("anna.rossi").orElseThrow(), "L2", "early", "Die D-21 fitted, first part OK", SamplePlant.NOW.minus(Duration.ofMinutes(40)));

        ChatAnswer a = assistant.answer(ask("luca.bianchi", "team-leader", "L2", null, "summarise this shift"));

        assertThat(a.intent()).isEqualTo("shift-summary");
        assertThat(a.text()).contains("Shift summary for L2 (Press line 2) — Early shift, since 06:00")
                .contains("On shift: operator Anna Rossi; team leader Luca Bianchi")
                .contains("Raised this shift (2):")
                .contains("Acknowledged this shift (1):\n- alert " + done.id() + " tool-wear on station-4 (medium) by Anna Rossi at 08:40")
                .contains("Resolved this shift (1):\n- alert " + done.id() + " tool-wear on station-4 (medium) by Anna Rossi at 08:50 — brush replaced")
                .contains("Still open (1):\n- alert " + open.id())
                .contains("08:20 Anna Rossi: \"Die D-21 fitted, first part OK\"");
    }

    @Test
    void onboardingPathStartsWithTheTrainingGuideAndFollowsItsReferences() {
        ChatAnswer a = assistant.answer(ask("alessio.barbieri", "trainer", null, null, "onboard me as an operator on L2"));

        assertThat(a.intent()).isEqualTo("onboarding");
        List<String> docs = a.citations().stream().map(Citation::documentId).toList();
        assertThat(docs.get(0)).isEqualTo("TG-L2-OPERATOR");
        assertThat(docs).containsSubsequence("STD-PPE", "LOTO-PRESS-01", "SOP-ANDON-CORD", "WI-L2-COIL1-COIL-CHANGE",
                "WI-L2-STATION4-BRUSH-CHANGE", "SOP-QUALITY-HOLD", "SOP-L2-PRESS-VIB", "SOP-HYDRAULIC-PRESSURE",
                "WI-L2-PRESS3-DIE-CHANGE", "PB-MODEL-SILENT");
        assertThat(docs).doesNotContain("TG-L1-OPERATOR", "WI-L1-FEEDER1-JAM", "SOP-ROBOT-WELD-L1", "SOP-POWER-RISK");
        assertThat(a.text()).startsWith("Reading path for an operator on L2 (Press line 2)")
                .contains("1. TG-L2-OPERATOR — Onboarding path for press line 2 operators (training guide, version 2.0; start here)");
        assertThat(a.citations()).allSatisfy(c -> assertThat(c.version()).isNotBlank());
    }

    @Test
    void followUpKeepsTheLineAndMovesToTheNamedStation() {
        plant.brushWearAlert();
        ChatAnswer first = assistant.answer(ask("luca.bianchi", "team-leader", null, null, "status of L2"));

        ChatAnswer next = assistant.answer(ask("luca.bianchi", "team-leader", null, first.conversationId(), "and station 4?"));

        assertThat(next.intent()).isEqualTo("line-status");
        assertThat(next.text()).startsWith("station-4 on L2 (Press line 2)").doesNotContain("press-3 (Hydraulic press 3)")
                .contains("tool-wear on station-4");
    }

    @Test
    void followUpAfterAStationProblemAsksTheSameForTheOtherStation() {
        AlertRecord wear = plant.brushWearAlert();
        ChatAnswer first = assistant.answer(ask("anna.rossi", "operator", "L2", null, "press-3 on L2 is flagging vibration, what do I do?"));

        ChatAnswer next = assistant.answer(ask("anna.rossi", "operator", "L2", first.conversationId(), "and station 4?"));

        assertThat(next.intent()).isEqualTo("alert-help");
        assertThat(next.alertIds()).containsExactly(wear.id());
    }

    @Test
    void unknownAlertLineAndStationGetClearAnswers() {
        assertThat(assistant.answer(ask("anna.rossi", "operator", "L2", null, "what about alert 999?")).text())
                .startsWith("There is no alert 999.");
        assertThat(assistant.answer(ask("anna.rossi", "operator", null, null, "status of L7")).text())
                .startsWith("There is no line L7 in Sample Plant (fictional). Lines: L1 (Assembly line 1), L2 (Press line 2).");
        assertThat(assistant.answer(ask("anna.rossi", "operator", "L2", null, "is press 7 running?")).text())
                .startsWith("There is no station \"press 7\" on L2. Stations on L2: coil-1 (Coil feeder 1)");
    }

    @Test
    void whoIsOnShiftAnswersFromTheRoster() {
        ChatAnswer a = assistant.answer(ask("anna.rossi", "operator", "L2", null, "who is the team leader?"));

        assertThat(a.intent()).isEqualTo("on-shift");
        assertThat(a.text()).startsWith("On shift now, Early shift (06:00–14:00), from the plant roster:\n- L2: operator Anna Rossi")
                .contains("team leader Luca Bianchi (luca.bianchi@sample-plant.example)")
                .contains("On call: maintenance technician Nicola Rinaldi");
    }

    @Test
    void abbreviationsFindTheDocumentThatSpellsThemOut() {
        ChatAnswer a = assistant.answer(ask("anna.rossi", "operator", "L2", null, "what PPE do I need in the stamping area?"));

        assertThat(a.citations()).extracting(Citation::documentId).contains("STD-PPE");
    }

    @Test
    void whatAboutItAfterAnAlertMeansThatAlert() {
        AlertRecord alert = plant.pressVibrationAlert(Map.of());
        ChatAnswer first = assistant.answer(ask("anna.rossi", "operator", "L2", null, "acknowledge alert " + alert.id()));

        ChatAnswer next = assistant.answer(ask("anna.rossi", "operator", "L2", first.conversationId(), "what about it?"));

        assertThat(next.intent()).isEqualTo("alert-help");
        assertThat(next.alertIds()).containsExactly(alert.id());
    }

    @Test
    void helloExplainsWhatTheAssistantCanDo() {
        ChatAnswer a = assistant.answer(ask("anna.rossi", "operator", "L2", null, "hello"));

        assertThat(a.intent()).isEqualTo("help");
        assertThat(a.text()).contains("what about alert 42?");
    }
}
