package dev.andon.assistant.llm;

import dev.andon.assistant.SamplePlant;
import dev.andon.assistant.training.PathItem;
import dev.andon.assistant.training.QuizDraft;
import dev.andon.assistant.training.QuizDrafter;
import dev.andon.assistant.training.QuizDrafts;
import dev.andon.assistant.training.Training;
import dev.andon.assistant.training.TrainingStore;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.identity.Principal;
import dev.andon.core.json.AndonJson;
import dev.andon.core.skills.SkillCatalog;
import dev.andon.core.skills.SkillsMatrix;
import dev.andon.knowledge.KnowledgeBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.andon.assistant.llm.ScriptedModel.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A trainer asks the language model for quiz questions on a section of the L2 operator guide (which has no quiz of its
 * own): what the model makes up or gets wrong never reaches a trainer, and nothing reaches a learner unapproved.
 */
class QuizDraftsTest {
    @TempDir
    Path dir;
    SamplePlant sample;
    KnowledgeBase kb;
    Training training;
    QuizDrafts drafts;
    ScriptedModel model;
    Principal alessio;
    Principal anna;
    String rightAnswer;

    @BeforeEach
    void open() {
        sample = SamplePlant.open(dir.resolve("data"));
        kb = SamplePlant.knowledge(dir.resolve("kb"), Map.of());
        PermissionPolicy policy = PermissionPolicy.bundled();
        SkillsMatrix matrix = new SkillsMatrix(sample.db, AndonJson.newMapper(), sample.plant, SkillCatalog.of(sample.plant),
                policy, SamplePlant.CLOCK);
        AuditTrail audit = new AuditTrail(sample.db, AndonJson.newMapper(), SamplePlant.CLOCK);
        // The model answers from the section it was given: one question grounded in it, one made up, one mis-numbered.
        model = new ScriptedModel(r -> {
            String section = ScriptedModel.lastUserText(r);
            Matcher words = Pattern.compile("\\b[a-z]{5,}\\b").matcher(section.substring(section.indexOf("\n\n")));
            StringBuilder phrase = new StringBuilder();
            for (int i = 0; i < 3 && words.find(); i++) {
                phrase.append(i == 0 ? "" : " ").append(words.group());
            }
            rightAnswer = phrase.toString();
            return text("""
                    Here you are:
                    [{"question": "What does the guide say?", "options": ["%s", "Nothing at all", "Ask the night shift"], "answer": 0},
                     {"question": "Who approves overtime?", "options": ["The plant controller", "The shift clerk"], "answer": 0},
                     {"question": "Which option is right?", "options": ["%s", "Another"], "answer": 5}]
                    """.formatted(rightAnswer, rightAnswer));
        });
        drafts = new QuizDrafts(kb, sample.db, AndonJson.newMapper(), new LlmQuizDrafter(model.model, "scripted"), policy,
                audit, SamplePlant.CLOCK);
        training = new Training(sample.plant, kb, new TrainingStore(sample.db, AndonJson.newMapper()), matrix, sample.db,
                policy, audit, drafts, SamplePlant.CLOCK);
        PlantPeople people = new PlantPeople(sample.plant);
        alessio = people.principalOf("alessio.barbieri").orElseThrow();
        anna = people.principalOf("anna.rossi").orElseThrow();
    }

    @AfterEach
    void close() {
        kb.close();
        sample.close();
    }

    List<String> pathItems() {
        return training.path("operator", "L2").items().stream().map(PathItem::id).toList();
    }

    @Test
    void onlyAGroundedWellFormedDraftReachesTheTrainerAndOnlyOnceApprovedTheLearner() {
        List<QuizDraft> proposed = drafts.propose(alessio, "TG-L2-OPERATOR", "1", 3);

        assertThat(proposed).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(QuizDraft.Status.PROPOSED);
            assertThat(d.options().get(d.answer())).isEqualTo(rightAnswer);
            assertThat(d.proposedBy()).isEqualTo("llm:scripted");
            assertThat(d.documentVersion()).isNotBlank();
        });
        assertThat(pathItems()).doesNotContain("quiz:TG-L2-OPERATOR");

        QuizDraft approved = drafts.approve(alessio, proposed.get(0).id());

        assertThat(approved.decidedBy()).isEqualTo("alessio.barbieri");
        assertThat(pathItems()).contains("quiz:TG-L2-OPERATOR");
        assertThat(training.quiz(anna, "operator", "L2", "quiz:TG-L2-OPERATOR"))
                .extracting(Training.Question::question).containsExactly("What does the guide say?");
        assertThatThrownBy(() -> drafts.approve(alessio, proposed.get(0).id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already approved by alessio.barbieri");
    }

    @Test
    void aRejectedDraftStaysOnRecordAndOutOfTheQuiz() {
        QuizDraft d = drafts.propose(alessio, "TG-L2-OPERATOR", "1", 1).get(0);

        QuizDraft rejected = drafts.reject(alessio, d.id(), "too easy");

        assertThat(rejected.status()).isEqualTo(QuizDraft.Status.REJECTED);
        assertThat(rejected.note()).isEqualTo("too easy");
        assertThat(drafts.list(alessio, "TG-L2-OPERATOR")).extracting(QuizDraft::status).containsExactly(QuizDraft.Status.REJECTED);
        assertThat(pathItems()).doesNotContain("quiz:TG-L2-OPERATOR");
    }

    @Test
    void onlyTrainersDraftAndDecideAndWithoutAModelNothingIsDrafted() {
        assertThatThrownBy(() -> drafts.propose(anna, "TG-L2-OPERATOR", "1", 1)).isInstanceOf(ForbiddenException.class);
        QuizDraft d = drafts.propose(alessio, "TG-L2-OPERATOR", "1", 1).get(0);
        assertThatThrownBy(() -> drafts.approve(anna, d.id())).isInstanceOf(ForbiddenException.class);

        QuizDrafts offline = new QuizDrafts(kb, sample.db, AndonJson.newMapper(), QuizDrafter.NONE, PermissionPolicy.bundled(),
                new AuditTrail(sample.db, AndonJson.newMapper(), SamplePlant.CLOCK), SamplePlant.CLOCK);
        assertThatThrownBy(() -> offline.propose(alessio, "TG-L2-OPERATOR", "1", 1)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("no language model is configured");
        assertThat(model.requests).hasSize(1);
    }

    @Test
    void aModelThatDoesNotAnswerDraftsNothingAndSaysSo() {
        ScriptedModel down = new ScriptedModel(r -> {
            throw new RuntimeException(new java.net.ConnectException("Connection refused"));
        });
        QuizDrafts unreachable = new QuizDrafts(kb, sample.db, AndonJson.newMapper(), new LlmQuizDrafter(down.model, "down"),
                PermissionPolicy.bundled(), new AuditTrail(sample.db, AndonJson.newMapper(), SamplePlant.CLOCK), SamplePlant.CLOCK);

        assertThatThrownBy(() -> unreachable.propose(alessio, "TG-L2-OPERATOR", "1", 1))
                .isInstanceOf(dev.andon.core.error.ServiceUnavailableException.class)
                .hasMessageContaining("the language model did not answer");
        assertThat(unreachable.list(alessio, "TG-L2-OPERATOR")).isEmpty();
    }
}
