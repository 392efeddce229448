package dev.andon.assistant.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;

import java.util.List;

/**
 * The chat memory as one turn sees it. Once the turn has been answered by the fallback, a model call that is still
 * running may no longer write: its late messages would contradict what the user was shown.
 */
final class TurnMemory implements ChatMemoryStore {
    private final ChatMemoryStore store;
    private volatile boolean closed;

    TurnMemory(ChatMemoryStore store) {
        this.store = store;
    }

    void close() {
        closed = true;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        return store.getMessages(memoryId);
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        if (!closed) {
            store.updateMessages(memoryId, messages);
        }
    }

    @Override
    public void deleteMessages(Object memoryId) {
        if (!closed) {
            store.deleteMessages(memoryId);
        }
    }
}
