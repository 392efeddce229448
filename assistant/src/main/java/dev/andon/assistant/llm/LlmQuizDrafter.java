package dev.andon.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.assistant.training.QuizDrafter;
import dev.andon.knowledge.ingest.TrainingMetadata;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Quiz questions drafted by the configured language model from one section's text. The model is asked for JSON
 * only; anything it returns that is not a well-formed question is dropped here, and {@code QuizDrafts} checks the
 * rest against the section before a trainer sees it.
 */
public final class LlmQuizDrafter implements QuizDrafter {
    private static final Logger LOG = LoggerFactory.getLogger(LlmQuizDrafter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTRUCTIONS = """
            You write multiple-choice questions that check a shop-floor worker understood a section of a procedure.
            Use only facts stated in the section. Each question has 3 or 4 short options and exactly one right option,
            worded as in the section. Answer with JSON only, no prose:
            [{"question": "...", "options": ["...", "..."], "answer": <index of the right option, from 0>}]""";

    private final ChatModel model;
    private final String label;

    public LlmQuizDrafter(ChatModel model, String label) {
        this.model = model;
        this.label = label;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<TrainingMetadata.QuizQuestion> propose(String documentTitle, String section, String sectionText, int count) {
        String reply = model.chat(SystemMessage.from(INSTRUCTIONS), UserMessage.from("Write " + count + " question(s) on "
                + documentTitle + ", section " + section + ":\n\n" + sectionText)).aiMessage().text();
        return parse(reply, section);
    }

    static List<TrainingMetadata.QuizQuestion> parse(String reply, String section) {
        List<TrainingMetadata.QuizQuestion> out = new ArrayList<>();
        if (reply == null) {
            return out;
        }
        int start = reply.indexOf('[');
        int end = reply.lastIndexOf(']');
        if (start < 0 || end <= start) {
            LOG.info("quiz drafts: the model answered without a JSON list");
            return out;
        }
        try {
            for (JsonNode q : JSON.readTree(reply.substring(start, end + 1))) {
                List<String> options = new ArrayList<>();
                q.path("options").forEach(o -> options.add(o.asText()));
                if (q.path("question").isTextual() && q.path("answer").canConvertToInt() && !options.isEmpty()) {
                    out.add(new TrainingMetadata.QuizQuestion(q.get("question").asText(), options, q.get("answer").asInt(), section));
                }
            }
        } catch (java.io.IOException e) {
            LOG.info("quiz drafts: the model's JSON did not parse ({})", e.getMessage());
        }
        return out;
    }
}
