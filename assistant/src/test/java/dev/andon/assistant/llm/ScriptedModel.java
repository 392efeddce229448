package dev.andon.assistant.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/** A Mockito-mocked chat model answering by a script, recording every request it received. */
final class ScriptedModel {
    final ChatModel model;
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedModel(Function<ChatRequest, ChatResponse> script) {
        model = mock(ChatModel.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
        doAnswer(inv -> {
            ChatRequest r = inv.getArgument(0);
            requests.add(r);
            return script.apply(r);
        }).when(model).doChat(any());
    }

    static ChatResponse toolCall(String id, String name, String arguments) {
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(ToolExecutionRequest.builder().id(id).name(name).arguments(arguments).build()))
                .finishReason(FinishReason.TOOL_EXECUTION).build();
    }

    static ChatResponse text(String text) {
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).finishReason(FinishReason.STOP).build();
    }

    /** Results of the tools already run in this request, in order. */
    static List<ToolExecutionResultMessage> toolResults(ChatRequest r) {
        return r.messages().stream().filter(m -> m instanceof ToolExecutionResultMessage)
                .map(m -> (ToolExecutionResultMessage) m).toList();
    }

    static String lastUserText(ChatRequest r) {
        for (int i = r.messages().size() - 1; i >= 0; i--) {
            ChatMessage m = r.messages().get(i);
            if (m instanceof UserMessage u) {
                return u.singleText();
            }
        }
        return "";
    }

    /** Tool results since the last user message (this turn only). */
    static List<ToolExecutionResultMessage> toolResultsThisTurn(ChatRequest r) {
        int lastUser = 0;
        for (int i = 0; i < r.messages().size(); i++) {
            if (r.messages().get(i) instanceof UserMessage) {
                lastUser = i;
            }
        }
        return r.messages().subList(lastUser, r.messages().size()).stream()
                .filter(m -> m instanceof ToolExecutionResultMessage).map(m -> (ToolExecutionResultMessage) m).toList();
    }
}
