package dev.andon.assistant.llm;

import dev.andon.assistant.AndonAssistant;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.ChatRequest;
import dev.andon.assistant.ChatRequestValidator;
import dev.andon.assistant.Citation;
import dev.andon.assistant.answer.Abilities;
import dev.andon.assistant.answer.Reply;
import dev.andon.assistant.conversation.ConversationContext;
import dev.andon.assistant.conversation.MapDbChatMemoryStore;
import dev.andon.assistant.answer.PendingAction;
import dev.andon.assistant.conversation.TurnRecorder;
import dev.andon.assistant.intent.Intent;
import dev.andon.assistant.intent.Mentions;
import dev.andon.assistant.intent.Recognition;
import dev.andon.assistant.offline.OfflineAssistant;
import dev.andon.assistant.offline.OfflineResponder;
import dev.andon.assistant.offline.Outcome;
import dev.andon.assistant.text.PlainText;
import dev.andon.core.alert.AlertState;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The assistant with a language model: LangChain4j AiServices with tools over the same abilities as the offline
 * assistant, retrieval from the knowledge base, chat memory in MapDB, and streaming. The model explains and
 * converses; the rules decide. Whatever the model writes, the answer keeps the sources as data, quotes
 * safety-critical sections verbatim, and a confirmation is only ever carried out by code on the user's own "yes".
 * When the model fails, times out, or answers without any source, the offline assistant answers instead and says so.
 */
public final class LlmAssistant implements AndonAssistant, AutoCloseable {
    public static final String MODE = "llm";
    public static final String FALLBACK_MODE = "offline-fallback";
    private static final Logger LOG = LoggerFactory.getLogger(LlmAssistant.class);
    private static final Pattern CLAIMS_ACK = Pattern.compile(
            "(?i)\\b(has been|have been|is now|are now|was|were|now|done[,:]?|successfully)\\s+(all\\s+)?(been\\s+)?acknowledged\\b");

    private final ChatRequestValidator validator;
    private final OfflineResponder offline;
    private final TurnRecorder turns;
    private final Abilities abilities;
    private final ChatModel chatModel;
    private final StreamingChatModel streamingModel;
    private final ChatMemoryStore memory;
    private final LlmSettings settings;
    private final String modelLabel;
    private final ExecutorService executor;

    /** {@code streamingModel} may be null: {@link #answer(ChatRequest, Consumer)} then sends the whole answer at once. */
    public LlmAssistant(ChatRequestValidator validator, OfflineResponder offline, TurnRecorder turns, Abilities abilities,
                        ChatModel chatModel, StreamingChatModel streamingModel, ChatMemoryStore memory,
                        LlmSettings settings, String modelLabel) {
        this.validator = validator;
        this.offline = offline;
        this.turns = turns;
        this.abilities = abilities;
        this.chatModel = chatModel;
        this.streamingModel = streamingModel;
        this.memory = memory;
        this.settings = settings;
        this.modelLabel = modelLabel;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "andon-llm");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public ChatAnswer answer(ChatRequest request) {
        return respond(request, null);
    }

    @Override
    public ChatAnswer answer(ChatRequest request, Consumer<String> tokens) {
        return respond(request, tokens);
    }

    private ChatAnswer respond(ChatRequest request, Consumer<String> tokens) {
        ChatRequest r = validator.validate(request);
        return turns.run(r, turn -> {
            ChatRequest req = turn.request();
            ConversationContext ctx = turn.conversation().context();
            Recognition own = offline.recognize(req, ctx);
            TokenGate gate = new TokenGate(tokens);
            if (own.intent() == Intent.CONFIRM || own.intent() == Intent.CANCEL) {
                // a confirmation is carried out by code, never by the model
                Outcome out = offline.respond(req, ctx);
                gate.accept(out.reply().text());
                ChatAnswer answer = turns.record(turn, out.reply(), out.context(), OfflineAssistant.MODE, OfflineAssistant.MODEL);
                appendToMemory(req.conversationId(), memory.getMessages(req.conversationId()), req.message(), answer.text());
                return answer;
            }
            RequestScope scope = new RequestScope(req, own);
            List<ChatMessage> before = repairedMemory(req.conversationId());
            TurnMemory turnMemory = new TurnMemory(memory);
            String text;
            try {
                text = tokens != null && streamingModel != null && settings.stream()
                        ? stream(scope, gate, turnMemory) : call(scope, turnMemory);
            } catch (ModelUnavailable e) {
                // a model call still running must not write to this turn any more: no tool effects, no memory
                scope.close();
                turnMemory.close();
                gate.close();
                LOG.warn("language model failed for conversation {}: {}", req.conversationId(), e.getMessage());
                return fallback(turn, ctx, scope, gate, before, "the language model is not available right now (" + e.getMessage() + ")");
            }
            String clean = PlainText.clean(text).strip();
            boolean grounded = !scope.toolsCalled().isEmpty() || !scope.citations().isEmpty();
            if (clean.isEmpty()) {
                return fallback(turn, ctx, scope, gate, before, "the language model gave an empty answer");
            }
            if (!grounded && (own.intent() == Intent.KNOWLEDGE || own.intent() == Intent.ALERT_HELP)) {
                return fallback(turn, ctx, scope, gate, before, "the language model answered without an approved source");
            }
            String extra = appendix(clean, scope);
            gate.accept(extra);
            Reply reply = new Reply(own.intent(), clean + extra, scope.citations(), scope.alertIds(),
                    scope.rulesetVersions(), scope.pending());
            return turns.record(turn, reply, nextContext(req, ctx, own, scope.pending()), MODE, modelLabel);
        });
    }

    /**
     * What the answer must carry whatever the model wrote: safety-critical text verbatim, a pending confirmation, and
     * a correction when the model claims an acknowledgement that did not happen (only the user's "yes" acknowledges,
     * and never inside a model turn).
     */
    private String appendix(String text, RequestScope scope) {
        StringBuilder sb = new StringBuilder();
        if (CLAIMS_ACK.matcher(text).find()) {
            List<String> notAcknowledged = scope.alertIds().stream()
                    .flatMap(id -> abilities.alerts().find(id).stream())
                    .filter(r -> r.state() != AlertState.ACKNOWLEDGED)
                    .map(r -> "alert " + r.id() + " is " + r.state().wire()).toList();
            if (!notAcknowledged.isEmpty() || scope.alertIds().isEmpty()) {
                sb.append("\n\nCorrection: nothing was acknowledged in this answer")
                        .append(notAcknowledged.isEmpty() ? "" : "; " + String.join(", ", notAcknowledged)).append('.');
            }
        }
        List<Citation> safety = new ArrayList<>();
        for (Citation c : scope.toolCitations()) {
            if (c.safetyCritical() && c.quote() != null && !text.contains(c.quote().strip())) {
                safety.add(c);
            }
        }
        for (Citation c : scope.retrievedCitations()) {
            if (c.safetyCritical() && c.quote() != null && text.contains(c.documentId()) && !text.contains(c.quote().strip())
                    && safety.stream().noneMatch(c::sameSource)) {
                safety.add(c);
            }
        }
        if (!safety.isEmpty()) {
            sb.append("\n\nSafety-critical steps, quoted verbatim from the source — follow exactly as written:");
            for (Citation c : safety) {
                sb.append("\n").append(c.documentId()).append(" §").append(c.section())
                        .append(c.version() == null ? "" : " (version " + c.version() + ")").append(":\n«")
                        .append(c.quote().strip()).append("»");
            }
        }
        PendingAction p = scope.pending();
        if (p != null && !text.contains(p.prompt())) {
            sb.append("\n\n").append(p.prompt());
        }
        return sb.toString();
    }

    private ChatAnswer fallback(TurnRecorder.Turn turn, ConversationContext ctx, RequestScope scope, TokenGate gate,
                                List<ChatMessage> before, String reason) {
        ChatRequest req = turn.request();
        Outcome out = offline.respond(req, ctx);
        String note = "Offline answer: " + reason + ".";
        String text = note + "\n" + out.reply().text();
        gate.reopenForFallback(text);
        Reply reply = out.reply().withText(text);
        appendToMemory(req.conversationId(), before, req.message(), text);
        return turns.record(turn, reply, out.context(), FALLBACK_MODE, OfflineAssistant.MODEL);
    }

    private String call(RequestScope scope, ChatMemoryStore turnMemory) {
        FloorChat service = AiServices.builder(FloorChat.class)
                .chatModel(chatModel)
                .chatMemoryProvider(memoryProvider(turnMemory))
                .systemMessageProvider(id -> SystemPrompt.forRequest(abilities.plant(), scope.request(), abilities.contacts(), abilities.time()))
                .tools(new FloorTools(abilities, scope))
                .contentRetriever(retriever(scope))
                .storeRetrievedContentInChatMemory(false)
                .maxSequentialToolsInvocations(settings.maxToolCalls())
                .build();
        Future<String> f = executor.submit(() -> service.chat(scope.request().conversationId(), scope.request().message()));
        try {
            return f.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // no interrupt: a thread interrupted inside a FileChannel read closes MapDB's file for every thread
            f.cancel(false);
            throw new ModelUnavailable("no answer within " + settings.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new ModelUnavailable(reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(false);
            throw new ModelUnavailable("interrupted");
        }
    }

    private String stream(RequestScope scope, TokenGate gate, ChatMemoryStore turnMemory) {
        FloorChat.Streaming service = AiServices.builder(FloorChat.Streaming.class)
                .streamingChatModel(streamingModel)
                .chatMemoryProvider(memoryProvider(turnMemory))
                .systemMessageProvider(id -> SystemPrompt.forRequest(abilities.plant(), scope.request(), abilities.contacts(), abilities.time()))
                .tools(new FloorTools(abilities, scope))
                .contentRetriever(retriever(scope))
                .storeRetrievedContentInChatMemory(false)
                .maxSequentialToolsInvocations(settings.maxToolCalls())
                .build();
        CompletableFuture<String> done = new CompletableFuture<>();
        StringBuilder streamed = new StringBuilder();
        try {
            service.chat(scope.request().conversationId(), scope.request().message())
                    .onPartialResponse(t -> {
                        synchronized (streamed) {
                            streamed.append(t);
                        }
                        gate.accept(t);
                    })
                    .onCompleteResponse(resp -> {
                        String full = resp.aiMessage() == null ? null : resp.aiMessage().text();
                        synchronized (streamed) {
                            done.complete(full != null && !full.isBlank() ? full : streamed.toString());
                        }
                    })
                    .onError(done::completeExceptionally)
                    .start();
            return done.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ModelUnavailable("no answer within " + settings.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new ModelUnavailable(reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailable("interrupted");
        } catch (RuntimeException e) {
            throw new ModelUnavailable(reason(e));
        }
    }

    private ChatMemoryProvider memoryProvider(ChatMemoryStore store) {
        return id -> MessageWindowChatMemory.builder().id(id).maxMessages(settings.memoryMessages()).chatMemoryStore(store).build();
    }

    private List<ChatMessage> repairedMemory(String conversationId) {
        List<ChatMessage> stored = memory.getMessages(conversationId);
        List<ChatMessage> repaired = MapDbChatMemoryStore.wellFormed(stored);
        if (repaired.size() != stored.size()) {
            memory.updateMessages(conversationId, repaired);
        }
        return repaired;
    }

    private KnowledgeRetriever retriever(RequestScope scope) {
        List<String> words = new ArrayList<>();
        if (scope.request().line() != null) {
            words.add(scope.request().line());
        }
        return new KnowledgeRetriever(abilities.knowledge(), abilities.quotes(), scope, words);
    }

    /** Keeps the model's memory consistent with what the user saw, also when the model did not answer. */
    private void appendToMemory(String conversationId, List<ChatMessage> before, String question, String answer) {
        try {
            List<ChatMessage> messages = new ArrayList<>(before);
            messages.add(UserMessage.from(question));
            messages.add(AiMessage.from(answer));
            int from = Math.max(0, messages.size() - settings.memoryMessages());
            memory.updateMessages(conversationId, new ArrayList<>(messages.subList(from, messages.size())));
        } catch (RuntimeException e) {
            LOG.warn("could not update the chat memory of conversation {}: {}", conversationId, e.toString());
        }
    }

    private ConversationContext nextContext(ChatRequest r, ConversationContext ctx, Recognition own, PendingAction pending) {
        Mentions m = abilities.extractor().extract(r.message(), r.line() != null ? r.line() : ctx.line());
        String line = m.effectiveLine() != null ? m.effectiveLine() : ctx.line();
        String station = m.station() != null ? m.station() : (m.line() != null ? null : ctx.station());
        String intent = own.intent().continuable() ? own.intent().wire() : ctx.lastIntent();
        return new ConversationContext(intent, line, station, m.alertId() != null ? m.alertId() : ctx.alertId(),
                own.intent() == Intent.KNOWLEDGE || own.intent() == Intent.ALERT_HELP ? r.message() : ctx.query(),
                m.role() != null ? m.role() : ctx.role(), pending);
    }

    private static String reason(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        msg = msg.replaceAll("\\s+", " ");
        return PlainText.echo(msg, 160);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** The model could not produce an answer in time. */
    static final class ModelUnavailable extends RuntimeException {
        ModelUnavailable(String message) {
            super(message);
        }
    }

    /**
     * Forwards streamed text to the client until the model has failed; after a failure only the fallback answer goes
     * out, preceded by a break when part of the model's text was already sent.
     */
    static final class TokenGate implements Consumer<String> {
        private final Consumer<String> target;
        private boolean closed;
        private boolean sent;

        TokenGate(Consumer<String> target) {
            this.target = target;
        }

        @Override
        public synchronized void accept(String t) {
            if (target == null || closed || t == null || t.isEmpty()) {
                return;
            }
            sent = true;
            target.accept(t);
        }

        synchronized void close() {
            closed = true;
        }

        synchronized void reopenForFallback(String text) {
            closed = false;
            if (sent) {
                accept("\n\n");
            }
            accept(text);
            closed = true;
        }
    }
}
