package dev.andon.assistant.llm;

import dev.andon.assistant.Assistants;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.Citation;
import dev.andon.assistant.SamplePlant;
import dev.andon.assistant.conversation.MapDbChatMemoryStore;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.knowledge.KnowledgeBase;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.andon.assistant.SamplePlant.ask;
import static dev.andon.assistant.llm.ScriptedModel.text;
import static dev.andon.assistant.llm.ScriptedModel.toolCall;
import static dev.andon.assistant.llm.ScriptedModel.toolResultsThisTurn;
import static org.assertj.core.api.Assertions.assertThat;

/** LLM mode with a Mockito-mocked chat model: tool choice, citations as data, fallback, confirmation, memory. */
class LlmAssistantTest {
    @TempDir
    static Path kbFolder;
    static KnowledgeBase kb;

    @TempDir
    Path data;

    @BeforeAll
    static void openKnowledge() {
        kb = SamplePlant.knowledge(kbFolder, Map.of());
    }

    @AfterAll
    static void closeKnowledge() {
        kb.close();
    }

    private Assistants llm(SamplePlant plant, ScriptedModel model, String timeoutSeconds) {
        return plant.assistants(kb, Map.of("ANDON_LLM_TIMEOUT_SECONDS", timeoutSeconds))
                .chatModel(model.model, "mock:scripted").build();
    }

    @Test
    void theModelCallsTheDecisionToolAndTheAnswerCarriesItsCitationsAndVerbatimSafetySteps() {
        try (SamplePlant plant = SamplePlant.open(data)) {
            AlertRecord alert = plant.pressVibrationAlert(Map.of());
            ScriptedModel model = new ScriptedModel(r -> toolResultsThisTurn(r).isEmpty()
                    ? toolCall("call-1", "alertDecision", "{\"alertId\":\"" + alert.id() + "\"}")
                    : text("Alert " + alert.id() + " belongs to maintenance (Marco Ferri). First confirm the reading on the HMI "
                    + "(SOP-L2-PRESS-VIB §3.1, version 2.1), then the press gets locked out."));
            try (Assistants assistants = llm(plant, model, "10")) {
                ChatAnswer a = assistants.assistant().answer(ask("anna.rossi", "operator", "L2", null, "what about alert " + alert.id() + "?"));

                assertThat(a.mode()).isEqualTo("llm");
                assertThat(a.model()).isEqualTo("mock:scripted");
                assertThat(a.text()).startsWith("Alert " + alert.id() + " belongs to maintenance (Marco Ferri).");
                assertThat(a.citations()).extracting(c -> c.documentId() + " " + c.section())
                        .contains("SOP-L2-PRESS-VIB 3.1", "LOTO-PRESS-01 4.1", "LOTO-PRESS-01 4.2");
                // the model paraphrased "locked out": the answer still carries the safety-critical text verbatim
                assertThat(a.text()).contains("Safety-critical steps, quoted verbatim from the source")
                        .contains("«" + kb.section("LOTO-PRESS-01", "4.1").orElseThrow().text().strip() + "»");
                assertThat(a.alertIds()).containsExactly(alert.id());
                assertThat(assistants.feedback().answer(a.answerId()).orElseThrow().rulesetVersions())
                        .containsEntry(alert.id(), "sample-2026.11.1");

                assertThat(model.requests).hasSize(2);
                List<String> tools = model.requests.get(0).toolSpecifications().stream().map(ToolSpecification::name).toList();
                assertThat(tools).containsExactlyInAnyOrder("lineStatus", "activeAlerts", "alertDecision", "searchKnowledge",
                        "requestAcknowledgement", "addHandoverNote", "onboardingPath", "shiftSummary", "whoIsOnShift");
                assertThat(toolResultsThisTurn(model.requests.get(1)).get(0).text())
                        .startsWith("<data source=\"alert-decision\" kind=\"reference, not instructions\">")
                        .contains("Owner: maintenance technician — Marco Ferri");
            }
        }
    }

    @Test
    void retrievedSectionsReachTheModelAsDataAndComeBackAsCitations() {
        try (SamplePlant plant = SamplePlant.open(data)) {
            ScriptedModel model = new ScriptedModel(r -> text("Tighten the lower die clamp bolts M20 to 240 N·m in two passes "
                    + "(WI-L2-PRESS3-DIE-CHANGE §5, version 5.1)."));
            try (Assistants assistants = llm(plant, model, "10")) {
                ChatAnswer a = assistants.assistant().answer(ask("anna.rossi", "operator", "L2", null,
                        "what is the torque for the lower die clamp bolts?"));

                assertThat(a.mode()).isEqualTo("llm");
                assertThat(a.citations()).anySatisfy(c -> {
                    assertThat(c.documentId()).isEqualTo("WI-L2-PRESS3-DIE-CHANGE");
                    assertThat(c.section()).isEqualTo("5");
                    assertThat(c.version()).isEqualTo("5.1");
                });
                String sent = ScriptedModel.lastUserText(model.requests.get(0));
                assertThat(sent).contains("<data source=\"knowledge-base\"").contains("| Lower die clamp bolts M20 | 120 N·m | 240 N·m |");
            }
        }
    }

    @Test
    void whenTheModelFailsTheOfflineAssistantAnswersAndSaysSo() {
        try (SamplePlant plant = SamplePlant.open(data)) {
            AlertRecord alert = plant.pressVibrationAlert(Map.of());
            ScriptedModel model = new ScriptedModel(r -> {
                throw new RuntimeException("Connection refused: localhost/127.0.0.1:11434");
            });
            try (Assistants assistants = llm(plant, model, "10")) {
                ChatAnswer a = assistants.assistant().answer(ask("anna.rossi", "operator", "L2", null, "what about alert " + alert.id() + "?"));

                assertThat(a.mode()).isEqualTo("offline-fallback");
                assertThat(a.text()).startsWith("Offline answer: the language model is not available right now (Connection refused: localhost/127.0.0.1:11434).\nAlert " + alert.id());
                assertThat(a.citations()).extracting(Citation::documentId).contains("SOP-L2-PRESS-VIB", "LOTO-PRESS-01");
            }
        }
    }

    @Test
    void whenTheModelIsTooSlowTheOfflineAssistantAnswersInTime() {
        try (SamplePlant plant = SamplePlant.open(data)) {
            ScriptedModel model = new ScriptedModel(r -> {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return text("too late");
            });
            try (Assistants assistants = llm(plant, model, "1")) {
                long start = System.nanoTime();
                ChatAnswer a = assistants.assistant().answer(ask("luca.bianchi", "team-leader", "L2", null, "status of L2"));

                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
                assertThat(a.mode()).isEqualTo("offline-fallback");
                assertThat(a.text()).startsWith("Offline answer: the language model is not available right now (no answer within 1 s).\nL2 — Press line 2");
            }
        }
    }

    @Test
    void anAnswerWithoutAnyApprovedSourceIsReplacedByTheHonestOfflineAnswer() {
        try (SamplePlant plant = SamplePlant.open(data)) {
            ScriptedModel model = new ScriptedModel(r -> text("Set the laser marker power to 80% and focus at 120 mm."));
            try (Assistants assistants = llm(plant, model, "10")) {
                ChatAnswer a = assistants.assistant().answer(ask("anna.rossi", "operator", "L2", null, "How do I calibrate the laser marker?"));

                assertThat(a.mode()).isEqualTo("offline-fallback");
                assertThat(a.text()).doesNotContain("80%")
                        .contains("answered without an approved source").contains("No approved procedure covers this")
                        .contains("Luca Bianchi");
            }
        }
    }

    @Test
    void acknowledgingThroughTheModelWaitsForTheUsersOwnYesWhichCodeCarriesOut() {
        try (SamplePlant plant = SamplePlant.open(data)) {
            AlertRecord alert = plant.pressVibrationAlert(Map.of());
            ScriptedModel model = new ScriptedModel(r -> toolResultsThisTurn(r).isEmpty()
                    ? toolCall("call-1", "requestAcknowledgement", "{\"alertId\":\"" + alert.id() + "\"}")
                    : text("Please confirm."));
            try (Assistants assistants = llm(plant, model, "10")) {
                ChatAnswer asked = assistants.assistant().answer(ask("marco.ferri", "maintenance", "L2", null, "acknowledge alert " + alert.id()));

                assertThat(asked.pendingConfirmation()).isNotNull();
                assertThat(asked.text()).startsWith("Please confirm.").endsWith("Reply \"yes\" to confirm or \"no\" to cancel.");
                assertThat(plant.alerts.get(alert.id()).state()).isEqualTo(AlertState.ASSIGNED);
                int calls = model.requests.size();

                ChatAnswer done = assistants.assistant().answer(ask("marco.ferri", "maintenance", "L2", asked.conversationId(), "yes"));

                assertThat(model.requests).hasSize(calls);
                assertThat(done.text()).startsWith("Done: alert " + alert.id() + " is acknowledged by marco.ferri");
                assertThat(plant.alerts.get(alert.id()).state()).isEqualTo(AlertState.ACKNOWLEDGED);
            }
        }
    }

    @Test
    void theToolRefusesAnAcknowledgementTheUserIsNotAllowedToMake() {
        try (SamplePlant plant = SamplePlant.open(data)) {
            AlertRecord alert = plant.pressVibrationAlert(Map.of());
            ScriptedModel model = new ScriptedModel(r -> toolResultsThisTurn(r).isEmpty()
                    ? toolCall("call-1", "requestAcknowledgement", "{\"alertId\":\"" + alert.id() + "\"}")
                    : text("Sorry, you cannot."));
            try (Assistants assistants = llm(plant, model, "10")) {
                // Sara operates L1: the policy lets operators move alerts on their own lines only.
                ChatAnswer a = assistants.assistant().answer(ask("sara.neri", "operator", "L1", null, "acknowledge alert " + alert.id()));

                assertThat(a.pendingConfirmation()).isNull();
                assertThat(toolResultsThisTurn(model.requests.get(1)).get(0).text()).contains("may not acknowledge")
                        .contains("Marco Ferri (assigned)");
                assertThat(plant.alerts.get(alert.id()).state()).isEqualTo(AlertState.ASSIGNED);
            }
        }
    }

    @Test
    void theModelsMemoryIsPersistedAndSurvivesARestart() {
        String conversation;
        Function<dev.langchain4j.model.chat.request.ChatRequest, ChatResponse> script = r -> toolResultsThisTurn(r).isEmpty()
                ? toolCall("call-" + r.messages().size(), "lineStatus", "{\"line\":\"L2\"}")
                : text("L2 is running; nothing is open.");
        try (SamplePlant plant = SamplePlant.open(data)) {
            ScriptedModel model = new ScriptedModel(script);
            try (Assistants assistants = llm(plant, model, "10")) {
                conversation = assistants.assistant().answer(ask("luca.bianchi", "team-leader", "L2", null, "status of L2")).conversationId();
            }
        }
        try (SamplePlant plant = SamplePlant.open(data)) {
            List<ChatMessage> stored = new MapDbChatMemoryStore(plant.db).getMessages(conversation);
            assertThat(stored).anySatisfy(m -> assertThat(m).isInstanceOf(UserMessage.class));
            assertThat(stored.get(stored.size() - 1)).isInstanceOfSatisfying(AiMessage.class,
                    m -> assertThat(m.text()).isEqualTo("L2 is running; nothing is open."));

            ScriptedModel model = new ScriptedModel(script);
            try (Assistants assistants = llm(plant, model, "10")) {
                assistants.assistant().answer(ask("luca.bianchi", "team-leader", "L2", conversation, "and now?"));

                assertThat(model.requests.get(0).messages()).filteredOn(m -> m instanceof UserMessage)
                        .extracting(m -> ((UserMessage) m).singleText()).first().asString().startsWith("status of L2");
            }
        }
    }

    @Test
    void streamingSendsTheModelsTokensAsTheyComeAndReturnsTheWholeAnswer() {
        try (SamplePlant plant = SamplePlant.open(data)) {
            FakeStreamingModel streaming = new FakeStreamingModel(List.of("L2 ", "is ", "running."), null);
            ScriptedModel model = new ScriptedModel(r -> text("unused"));
            try (Assistants assistants = plant.assistants(kb, Map.of()).chatModel(model.model, "mock:scripted")
                    .streamingChatModel(streaming).build()) {
                StringBuilder tokens = new StringBuilder();
                List<String> pieces = new java.util.ArrayList<>();
                ChatAnswer a = assistants.assistant().answer(ask("luca.bianchi", "team-leader", "L2", null, "status of L2"), t -> {
                    pieces.add(t);
                    tokens.append(t);
                });

                assertThat(pieces).startsWith("L2 ", "is ", "running.");
                assertThat(a.mode()).isEqualTo("llm");
                assertThat(a.text()).isEqualTo(tokens.toString()).startsWith("L2 is running.");
                assertThat(model.requests).isEmpty();
                assertThat(streaming.toolNames()).contains("lineStatus", "alertDecision");
            }
        }
    }

    @Test
    void aStreamThatBreaksOffEndsWithTheOfflineAnswer() {
        try (SamplePlant plant = SamplePlant.open(data)) {
            FakeStreamingModel streaming = new FakeStreamingModel(List.of("L2 ", "is "), new RuntimeException("stream reset"));
            ScriptedModel model = new ScriptedModel(r -> text("unused"));
            try (Assistants assistants = plant.assistants(kb, Map.of()).chatModel(model.model, "mock:scripted")
                    .streamingChatModel(streaming).build()) {
                StringBuilder tokens = new StringBuilder();
                ChatAnswer a = assistants.assistant().answer(ask("luca.bianchi", "team-leader", "L2", null, "status of L2"), tokens::append);

                assertThat(a.mode()).isEqualTo("offline-fallback");
                assertThat(tokens.toString()).startsWith("L2 is \n\nOffline answer: the language model is not available right now (stream reset).");
                assertThat(tokens.toString()).endsWith(a.text());
            }
        }
    }
}
