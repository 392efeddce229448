package dev.andon.assistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.assistant.answer.Abilities;
import dev.andon.assistant.answer.AcknowledgePolicy;
import dev.andon.assistant.answer.Acknowledgements;
import dev.andon.assistant.answer.AlertExplainer;
import dev.andon.assistant.answer.AlertHelp;
import dev.andon.assistant.answer.HandoverNotes;
import dev.andon.assistant.answer.KnowledgeAnswerer;
import dev.andon.assistant.answer.LineStatusReport;
import dev.andon.assistant.answer.OnShiftReport;
import dev.andon.assistant.answer.OnboardingPath;
import dev.andon.assistant.answer.PlantTime;
import dev.andon.assistant.answer.ShiftContacts;
import dev.andon.assistant.answer.RecurrenceHistory;
import dev.andon.assistant.answer.ShiftSummaryReport;
import dev.andon.assistant.answer.TrainingAnswers;
import dev.andon.assistant.training.PathAssembler;
import dev.andon.assistant.training.Training;
import dev.andon.core.skills.Coverage;
import dev.andon.core.skills.SkillsMatrix;
import dev.andon.assistant.answer.SourceQuotes;
import dev.andon.assistant.conversation.ConversationStore;
import dev.andon.assistant.conversation.MapDbChatMemoryStore;
import dev.andon.assistant.conversation.TurnRecorder;
import dev.andon.assistant.feedback.FeedbackStore;
import dev.andon.assistant.intent.EmbeddingIntentClassifier;
import dev.andon.assistant.intent.IntentExamples;
import dev.andon.assistant.intent.IntentRecognizer;
import dev.andon.assistant.intent.PlantEntityExtractor;
import dev.andon.assistant.llm.ChatModels;
import dev.andon.assistant.llm.LlmAssistant;
import dev.andon.assistant.llm.LlmSettings;
import dev.andon.assistant.offline.OfflineAssistant;
import dev.andon.assistant.offline.OfflineResponder;
import dev.andon.core.config.AndonSettings;
import dev.andon.core.handover.HandoverNoteStore;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.handover.Handovers;
import dev.andon.core.handover.ShiftEngines;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.resolution.AlertResolutions;
import dev.andon.core.json.AndonJson;
import dev.andon.core.store.LineStatusReader;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.ShiftRoster;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import dev.andon.knowledge.KnowledgeSearch;
import dev.andon.core.intake.AlertLifecycle;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The assistant as the composition root needs it: the configured {@link AndonAssistant} (offline by default, with a
 * language model when {@code llm.provider} says so), the conversation store (messages for the UI) and the feedback
 * store. Settings: {@code assistant.maxMessageChars} (4000), {@code assistant.intentEmbeddings} (true: recognise
 * intents with the in-process MiniLM model; false: patterns only), and the {@code llm.*} keys of {@link LlmSettings}.
 */
public final class Assistants implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Assistants.class);

    private final AndonAssistant assistant;
    private final OfflineAssistant offline;
    private final ConversationStore conversations;
    private final FeedbackStore feedback;
    private final LlmSettings llm;
    private final String model;

    private Assistants(AndonAssistant assistant, OfflineAssistant offline, ConversationStore conversations,
                       FeedbackStore feedback, LlmSettings llm, String model) {
        this.assistant = assistant;
        this.offline = offline;
        this.conversations = conversations;
        this.feedback = feedback;
        this.llm = llm;
        this.model = model;
    }

    /** The configured assistant; a bad {@code llm.*} setting → {@link IllegalArgumentException} naming it. */
    public static Assistants create(Plant plant, AndonSettings settings, KnowledgeSearch knowledge, AlertStore alerts,
                                    StationStatusStore stations, HandoverNoteStore notes, AlertLifecycle lifecycle,
                                    AndonDatabase db, Clock clock) {
        return builder(plant, settings, knowledge, alerts, stations, notes, lifecycle, db, clock).build();
    }

    public static Builder builder(Plant plant, AndonSettings settings, KnowledgeSearch knowledge, AlertStore alerts,
                                  StationStatusStore stations, HandoverNoteStore notes, AlertLifecycle lifecycle,
                                  AndonDatabase db, Clock clock) {
        return new Builder(plant, settings, knowledge, alerts, stations, notes, lifecycle, db, clock);
    }

    /** What web calls for POST /api/chat (and its streaming variant). */
    public AndonAssistant assistant() {
        return assistant;
    }

    /** The offline assistant, also when a language model is configured. */
    public OfflineAssistant offline() {
        return offline;
    }

    public ConversationStore conversations() {
        return conversations;
    }

    public FeedbackStore feedback() {
        return feedback;
    }

    /** {@code offline} or {@code llm}. */
    public String mode() {
        return llm.enabled() || assistant instanceof LlmAssistant ? LlmAssistant.MODE : OfflineAssistant.MODE;
    }

    /** "offline", or provider:model such as "ollama:llama3.1". */
    public String model() {
        return model;
    }

    @Override
    public void close() {
        if (assistant instanceof LlmAssistant l) {
            l.close();
        }
    }

    /** Optional parts, mainly for tests and for sharing one embedding model with the knowledge base. */
    public static final class Builder {
        private final Plant plant;
        private final AndonSettings settings;
        private final KnowledgeSearch knowledge;
        private final AlertStore alerts;
        private final StationStatusStore stations;
        private final HandoverNoteStore notes;
        private final AlertLifecycle lifecycle;
        private final AndonDatabase db;
        private final Clock clock;
        private EmbeddingModel embeddingModel;
        private Training training;
        private SkillsMatrix skills;
        private Coverage coverage;
        private ChatModel chatModel;
        private StreamingChatModel streamingChatModel;
        private String modelLabel;
        private Handovers handovers;
        private AlertResolutions resolutions;
        private PermissionPolicy permissions = PermissionPolicy.bundled();

        private Builder(Plant plant, AndonSettings settings, KnowledgeSearch knowledge, AlertStore alerts,
                        StationStatusStore stations, HandoverNoteStore notes, AlertLifecycle lifecycle,
                        AndonDatabase db, Clock clock) {
            this.plant = Objects.requireNonNull(plant, "plant");
            this.settings = Objects.requireNonNull(settings, "settings");
            this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
            this.alerts = Objects.requireNonNull(alerts, "alerts");
            this.stations = Objects.requireNonNull(stations, "stations");
            this.notes = Objects.requireNonNull(notes, "notes");
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            this.db = Objects.requireNonNull(db, "db");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** The training engine, skills matrix and coverage, for onboarding paths and training questions in chat. */
        public Builder training(Training training, SkillsMatrix skills, Coverage coverage) {
            this.training = Objects.requireNonNull(training, "training");
            this.skills = Objects.requireNonNull(skills, "skills");
            this.coverage = Objects.requireNonNull(coverage, "coverage");
            return this;
        }

        /** An embedding model to share (e.g. the knowledge base's); default: load MiniLM when intent embeddings are on. */
        public Builder embeddingModel(EmbeddingModel model) {
            this.embeddingModel = model;
            return this;
        }

        /** A chat model to use instead of the one {@code llm.*} describes (enables LLM mode). */
        public Builder chatModel(ChatModel model, String label) {
            this.chatModel = model;
            this.modelLabel = label;
            return this;
        }

        /** The plant's permission policy (default: the bundled one). */
        public Builder permissions(PermissionPolicy policy) {
            this.permissions = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The shift handover engine and resolution records to share (default: built here over the same database). */
        public Builder shift(Handovers handovers, AlertResolutions resolutions) {
            this.handovers = handovers;
            this.resolutions = resolutions;
            return this;
        }

        public Builder streamingChatModel(StreamingChatModel model) {
            this.streamingChatModel = model;
            return this;
        }

        public Assistants build() {
            LlmSettings llm = LlmSettings.from(settings);
            int maxChars = settings.getInt("assistant.maxMessageChars", ChatRequestValidator.DEFAULT_MAX_MESSAGE_CHARS);
            ObjectMapper json = AndonJson.newMapper();
            ShiftContacts contacts = new ShiftContacts(plant, new ShiftRoster(plant), clock);
            PlantTime time = new PlantTime(plant, clock);
            SourceQuotes quotes = new SourceQuotes(knowledge);
            KnowledgeAnswerer answerer = new KnowledgeAnswerer(knowledge, quotes, contacts);
            dev.andon.core.audit.AuditTrail audit = new dev.andon.core.audit.AuditTrail(db, json, clock);
            if (handovers == null || resolutions == null) {
                ShiftEngines engines = ShiftEngines.build(plant, db, json, alerts, stations, notes,
                        permissions, coverage, audit, clock,
                        Duration.ofDays(35), Duration.ofMinutes(5));
                handovers = engines.handovers();
                resolutions = engines.resolutions();
            }
            AlertExplainer explainer = new AlertExplainer(quotes, contacts, time);
            AlertHelp alertHelp = new AlertHelp(alerts, explainer, answerer, new RecurrenceHistory(resolutions, time));
            LineStatusReport lineStatus = new LineStatusReport(new LineStatusReader(plant, stations, alerts), contacts, time);
            Abilities abilities = new Abilities(plant, new PlantEntityExtractor(plant), alerts, alertHelp, answerer, lineStatus,
                    new ShiftSummaryReport(plant, handovers, contacts, time),
                    new OnboardingPath(plant, knowledge, contacts, training != null ? training::documents
                            : (role, line) -> new PathAssembler(knowledge, skill -> true).documents(role, line, Set.of())),
                    new OnShiftReport(plant, contacts, time),
                    new Acknowledgements(alertHelp, new AcknowledgePolicy(contacts, permissions, new PlantPeople(plant)),
                            lifecycle, time),
                    new HandoverNotes(notes, contacts, time), contacts, time, quotes,
                    training == null ? null : new TrainingAnswers(plant, training, skills, coverage, knowledge, clock));

            IntentRecognizer recognizer = new IntentRecognizer(classifier());
            OfflineResponder responder = new OfflineResponder(abilities, recognizer);
            ConversationStore conversations = new ConversationStore(db, json);
            FeedbackStore feedback = new FeedbackStore(db, json, audit, clock);
            TurnRecorder turns = new TurnRecorder(db, conversations, feedback, audit, clock);
            ChatRequestValidator validator = new ChatRequestValidator(plant, maxChars);
            OfflineAssistant offline = new OfflineAssistant(validator, responder, turns);

            ChatModel chat = chatModel;
            StreamingChatModel streaming = streamingChatModel;
            String label = modelLabel;
            if (chat == null && llm.enabled()) {
                chat = ChatModels.chatModel(llm);
                streaming = ChatModels.streamingChatModel(llm);
                label = llm.modelLabel();
            }
            if (chat == null) {
                return new Assistants(offline, offline, conversations, feedback, llm, OfflineAssistant.MODEL);
            }
            LlmAssistant assistant = new LlmAssistant(validator, responder, turns, abilities, chat, streaming,
                    new MapDbChatMemoryStore(db), llm, label == null ? "custom" : label);
            return new Assistants(assistant, offline, conversations, feedback, llm, label == null ? "custom" : label);
        }

        private EmbeddingIntentClassifier classifier() {
            if (!Boolean.parseBoolean(settings.get("assistant.intentEmbeddings", "true"))) {
                return null;
            }
            try {
                EmbeddingModel model = embeddingModel != null ? embeddingModel : new AllMiniLmL6V2QuantizedEmbeddingModel();
                return new EmbeddingIntentClassifier(model, IntentExamples.defaults());
            } catch (RuntimeException | LinkageError e) {
                // patterns still recognise every intent; embeddings only sharpen the ambiguous cases
                LOG.warn("intent embeddings unavailable, using patterns only: {}", e.toString());
                return null;
            }
        }
    }
}
