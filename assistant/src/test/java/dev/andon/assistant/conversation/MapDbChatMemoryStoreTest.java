package dev.andon.assistant.conversation;

import dev.andon.core.store.AndonDatabase;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MapDbChatMemoryStoreTest {
    @TempDir
    Path data;

    private static AiMessage toolCall(String id) {
        return AiMessage.from(ToolExecutionRequest.builder().id(id).name("lineStatus").arguments("{\"line\":\"L2\"}").build());
    }

    @Test
    void messagesSurviveAReopen() {
        List<ChatMessage> messages = List.of(SystemMessage.from("rules"), UserMessage.from("status of L2"), toolCall("c1"),
                ToolExecutionResultMessage.from("c1", "lineStatus", "<data>running</data>"), AiMessage.from("L2 is running."));
        try (AndonDatabase db = AndonDatabase.open(data)) {
            new MapDbChatMemoryStore(db).updateMessages("conv-1", messages);
        }
        try (AndonDatabase db = AndonDatabase.open(data)) {
            assertThat(new MapDbChatMemoryStore(db).getMessages("conv-1")).isEqualTo(messages);
            new MapDbChatMemoryStore(db).deleteMessages("conv-1");
            assertThat(new MapDbChatMemoryStore(db).getMessages("conv-1")).isEmpty();
        }
    }

    @Test
    void aToolCallCutOffBeforeItsResultIsDroppedBetweenTurns() {
        List<ChatMessage> cutOff = List.of(UserMessage.from("status of L2"), toolCall("c1"), UserMessage.from("and now?"),
                toolCall("c2"), ToolExecutionResultMessage.from("c2", "lineStatus", "ok"), AiMessage.from("fine"));

        assertThat(MapDbChatMemoryStore.wellFormed(cutOff)).containsExactly(UserMessage.from("status of L2"),
                UserMessage.from("and now?"), toolCall("c2"), ToolExecutionResultMessage.from("c2", "lineStatus", "ok"),
                AiMessage.from("fine"));
    }
}
