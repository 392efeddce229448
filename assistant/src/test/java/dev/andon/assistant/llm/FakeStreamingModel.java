package dev.andon.assistant.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A streaming model that sends fixed pieces of text on its own thread, then completes or fails. */
final class FakeStreamingModel implements StreamingChatModel {
    private final List<String> pieces;
    private final RuntimeException failure;
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    FakeStreamingModel(List<String> pieces, RuntimeException failure) {
        this.pieces = pieces;
        this.failure = failure;
    }

    List<String> toolNames() {
        return requests.get(0).toolSpecifications().stream().map(ToolSpecification::name).toList();
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        requests.add(request);
        Thread t = new Thread(() -> {
            pieces.forEach(handler::onPartialResponse);
            if (failure != null) {
                handler.onError(failure);
            } else {
                handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(String.join("", pieces)))
                        .finishReason(FinishReason.STOP).build());
            }
        });
        t.start();
    }
}
