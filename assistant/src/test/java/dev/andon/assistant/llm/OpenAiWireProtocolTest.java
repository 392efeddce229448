package dev.andon.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.andon.assistant.Assistants;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.SamplePlant;
import dev.andon.core.alert.AlertRecord;
import dev.andon.knowledge.KnowledgeBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.andon.assistant.SamplePlant.ask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real langchain4j-open-ai client against a local server speaking the OpenAI chat-completions wire protocol
 * (JSON and server-sent events), including a tool-call round trip — the path an Ollama, vLLM or OpenAI endpoint takes.
 */
class OpenAiWireProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path kbFolder;
    static KnowledgeBase kb;

    @TempDir
    Path data;
    HttpServer server;
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile boolean failing;
    volatile String alertId = "1";

    @BeforeAll
    static void openKnowledge() {
        kb = SamplePlant.knowledge(kbFolder, Map.of());
    }

    @AfterAll
    static void closeKnowledge() {
        kb.close();
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private Map<String, String> env() {
        return Map.of("ANDON_LLM_PROVIDER", "openai",
                "ANDON_LLM_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "ANDON_LLM_API_KEY", "test-key",
                "ANDON_LLM_MODEL", "test-model",
                "ANDON_LLM_TIMEOUT_SECONDS", "10");
    }

    private void handle(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody());
        bodies.add(body);
        authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
        if (failing) {
            send(ex, 500, "application/json", "{\"error\":{\"message\":\"model overloaded\",\"type\":\"server_error\"}}");
            return;
        }
        boolean toolAnswered = false;
        for (JsonNode m : body.get("messages")) {
            toolAnswered |= "tool".equals(m.path("role").asText());
        }
        boolean stream = body.path("stream").asBoolean(false);
        if (!stream) {
            ObjectNode message = JSON.createObjectNode().put("role", "assistant");
            String finish;
            if (!toolAnswered) {
                message.putNull("content");
                ArrayNode calls = message.putArray("tool_calls");
                calls.addObject().put("id", "call_1").put("type", "function").putObject("function")
                        .put("name", "alertDecision").put("arguments", "{\"alertId\":\"" + alertId + "\"}");
                finish = "tool_calls";
            } else {
                message.put("content", "Alert " + alertId + " is owned by maintenance (Marco Ferri); first confirm the reading "
                        + "on the HMI (SOP-L2-PRESS-VIB §3.1, version 2.1).");
                finish = "stop";
            }
            ObjectNode out = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                    .put("created", 1764057600).put("model", "test-model");
            out.putArray("choices").addObject().put("index", 0).put("finish_reason", finish).set("message", message);
            out.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
            send(ex, 200, "application/json", JSON.writeValueAsString(out));
            return;
        }
        List<String> events = new ArrayList<>();
        if (!toolAnswered) {
            events.add(chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"lineStatus\",\"arguments\":\"\"}}]}", null));
            events.add(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"line\\\":\"}}]}", null));
            events.add(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"L2\\\"}\"}}]}", null));
            events.add(chunk("{}", "tool_calls"));
        } else {
            events.add(chunk("{\"role\":\"assistant\",\"content\":\"L2 \"}", null));
            events.add(chunk("{\"content\":\"is running, \"}", null));
            events.add(chunk("{\"content\":\"nothing is open.\"}", null));
            events.add(chunk("{}", "stop"));
        }
        StringBuilder sse = new StringBuilder();
        for (String e : events) {
            sse.append("data: ").append(e).append("\n\n");
        }
        sse.append("data: [DONE]\n\n");
        send(ex, 200, "text/event-stream", sse.toString());
    }

    private static String chunk(String delta, String finish) {
        return "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1764057600,\"model\":\"test-model\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void aToolCallRoundTripOverTheWireEndsInACitedAnswer() {
        try (SamplePlant plant = SamplePlant.open(data)) {
            AlertRecord alert = plant.pressVibrationAlert(Map.of());
            alertId = alert.id();
            try (Assistants assistants = plant.assistants(kb, env()).build()) {
                assertThat(assistants.mode()).isEqualTo("llm");
                assertThat(assistants.model()).isEqualTo("openai:test-model");

                ChatAnswer a = assistants.assistant().answer(ask("anna.rossi", "operator", "L2", null, "what about alert " + alert.id() + "?"));

                assertThat(a.mode()).isEqualTo("llm");
                assertThat(a.model()).isEqualTo("openai:test-model");
                assertThat(a.text()).startsWith("Alert " + alert.id() + " is owned by maintenance (Marco Ferri)");
                assertThat(a.citations()).extracting(c -> c.documentId() + " " + c.section()).contains("SOP-L2-PRESS-VIB 3.1", "LOTO-PRESS-01 4.1");
                assertThat(bodies).hasSize(2);
                assertThat(authorizations).containsOnly("Bearer test-key");
                JsonNode first = bodies.get(0);
                assertThat(first.get("model").asText()).isEqualTo("test-model");
                List<String> toolNames = new ArrayList<>();
                first.get("tools").forEach(t -> toolNames.add(t.path("function").path("name").asText()));
                assertThat(toolNames).contains("alertDecision", "requestAcknowledgement", "searchKnowledge");
                JsonNode toolMessage = null;
                for (JsonNode m : bodies.get(1).get("messages")) {
                    if ("tool".equals(m.path("role").asText())) {
                        toolMessage = m;
                    }
                }
                assertThat(toolMessage).isNotNull();
                assertThat(toolMessage.get("tool_call_id").asText()).isEqualTo("call_1");
                assertThat(toolMessage.get("content").asText()).startsWith("<data source=\"alert-decision\"")
                        .contains("Owner: maintenance technician — Marco Ferri");
            }
        }
    }

    @Test
    void streamedTokensWithAToolCallArriveInOrder() {
        try (SamplePlant plant = SamplePlant.open(data); Assistants assistants = plant.assistants(kb, env()).build()) {
            List<String> tokens = new CopyOnWriteArrayList<>();

            ChatAnswer a = assistants.assistant().answer(ask("luca.bianchi", "team-leader", "L2", null, "status of L2"), tokens::add);

            assertThat(tokens).containsSubsequence("L2 ", "is running, ", "nothing is open.");
            assertThat(a.mode()).isEqualTo("llm");
            assertThat(a.text()).startsWith("L2 is running, nothing is open.");
            assertThat(bodies).hasSize(2).allSatisfy(b -> assertThat(b.path("stream").asBoolean()).isTrue());
        }
    }

    @Test
    void aServerErrorFallsBackToTheOfflineAnswer() {
        failing = true;
        try (SamplePlant plant = SamplePlant.open(data); Assistants assistants = plant.assistants(kb, env()).build()) {
            ChatAnswer a = assistants.assistant().answer(ask("luca.bianchi", "team-leader", "L2", null, "status of L2"));

            assertThat(a.mode()).isEqualTo("offline-fallback");
            assertThat(a.text()).startsWith("Offline answer: the language model is not available right now (")
                    .contains("model overloaded").contains("L2 — Press line 2");
        }
    }
}
