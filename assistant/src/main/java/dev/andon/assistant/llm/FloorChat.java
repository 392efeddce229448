package dev.andon.assistant.llm;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;

/** The assistant as LangChain4j sees it: an interface; AiServices supplies the implementation per turn. */
public interface FloorChat {
    String chat(@MemoryId String conversationId, @UserMessage String message);

    /** The streaming twin, used when tokens go out as they are produced. */
    interface Streaming {
        TokenStream chat(@MemoryId String conversationId, @UserMessage String message);
    }
}
