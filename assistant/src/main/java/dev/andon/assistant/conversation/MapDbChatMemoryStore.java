package dev.andon.assistant.conversation;

import dev.andon.core.store.AndonDatabase;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import org.mapdb.HTreeMap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The language model's chat memory (system, user, AI and tool messages, as LangChain4j serialises them) per
 * conversation, in the node's MapDB file: a restart keeps what the model has been told.
 */
public final class MapDbChatMemoryStore implements ChatMemoryStore {
    private final AndonDatabase db;
    private final HTreeMap<String, String> memory;

    public MapDbChatMemoryStore(AndonDatabase db) {
        this.db = db;
        this.memory = db.jsonMap("chat-llm-memory");
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        String text = memory.get(memoryId.toString());
        return text == null ? List.of() : ChatMessageDeserializer.messagesFromJson(text);
    }

    /**
     * The history without tool calls whose results never arrived (a turn cut off by a timeout): chat-completion
     * servers refuse a history with an unanswered tool call, which would break every later turn of the conversation.
     * Applied between turns, never during one (a turn's own tool call is unanswered until its tool has run).
     */
    public static List<ChatMessage> wellFormed(List<ChatMessage> messages) {
        List<ChatMessage> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            if (m instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                Set<String> answered = new HashSet<>();
                int j = i + 1;
                while (j < messages.size() && messages.get(j) instanceof ToolExecutionResultMessage r) {
                    answered.add(r.id());
                    j++;
                }
                boolean complete = ai.toolExecutionRequests().stream().allMatch(t -> answered.contains(t.id()));
                if (!complete) {
                    i = j - 1;
                    continue;
                }
            }
            if (m instanceof ToolExecutionResultMessage && (out.isEmpty() || !(out.get(out.size() - 1) instanceof AiMessage
                    || out.get(out.size() - 1) instanceof ToolExecutionResultMessage))) {
                continue;
            }
            out.add(m);
        }
        return out;
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        db.write(() -> memory.put(memoryId.toString(), ChatMessageSerializer.messagesToJson(messages)));
    }

    @Override
    public void deleteMessages(Object memoryId) {
        db.write(() -> memory.remove(memoryId.toString()));
    }
}
