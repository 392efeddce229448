package dev.andon.assistant.training;

import dev.andon.assistant.SamplePlant;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.identity.Principal;
import dev.andon.core.json.AndonJson;
import dev.andon.core.plant.Qualification.Level;
import dev.andon.core.skills.SkillCatalog;
import dev.andon.core.skills.SkillsMatrix;
import dev.andon.knowledge.KnowledgeBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingTest {
    static final String WEEK_2 = "weeks-2-3-coil-1-and-station-4";
    @TempDir
    Path dir;
    SamplePlant sample;
    KnowledgeBase kb;
    SkillsMatrix matrix;
    Training training;
    Principal anna;
    Principal alessio;
    Principal luca;
    Principal elena;

    @BeforeEach
    void open() {
        sample = SamplePlant.open(dir.resolve("data"));
        kb = SamplePlant.knowledge(dir.resolve("kb"), Map.of());
        PermissionPolicy policy = PermissionPolicy.bundled();
        matrix = new SkillsMatrix(sample.db, AndonJson.newMapper(), sample.plant, SkillCatalog.of(sample.plant), policy,
                SamplePlant.CLOCK);
        training = new Training(sample.plant, kb, new TrainingStore(sample.db, AndonJson.newMapper()), matrix, sample.db,
                policy, SamplePlant.CLOCK);
        PlantPeople people = new PlantPeople(sample.plant);
        anna = people.principalOf("anna.rossi").orElseThrow();
        alessio = people.principalOf("alessio.barbieri").orElseThrow();
        luca = people.principalOf("luca.bianchi").orElseThrow();
        elena = people.principalOf("elena.ricci").orElseThrow();
    }

    @AfterEach
    void close() {
        kb.close();
        sample.close();
    }

    @Test
    void theL2OperatorPathIsAssembledFromTheKnowledgeBaseInPrerequisiteOrderAndModules() {
        TrainingPath path = training.path("operator", "L2");

        assertThat(path.modules()).extracting(PathModule::title).startsWith(
                "Week 1: safety and the line", "Weeks 2-3: coil-1 and station-4", "Weeks 4-6: press-3 and vision-5");
        List<String> ids = path.items().stream().map(PathItem::id).toList();
        assertThat(ids).containsSubsequence("read:TG-L2-OPERATOR#1", "read:STD-PPE#2", "quiz:STD-PPE",
                "read:LOTO-PRESS-01#4", "quiz:LOTO-PRESS-01");
        // SOP-L2-PRESS-VIB needs LOTO-PRESS-01; the die change needs both.
        assertThat(ids).containsSubsequence("quiz:LOTO-PRESS-01", "read:SOP-L2-PRESS-VIB#1", "read:WI-L2-PRESS3-DIE-CHANGE#1");
        assertThat(ids).noneMatch(id -> id.contains("-L1-"));
        assertThat(path.module(WEEK_2)).get().satisfies(m -> {
            assertThat(m.grants()).containsExactly("coil-1", "station-4");
            assertThat(m.items()).extracting(PathItem::kind).contains(ItemKind.READ, ItemKind.PRACTICAL, ItemKind.QUIZ);
        });
    }

    @Test
    void aTrainerReordersPinsAndDropsAndThatBecomesTheLinesStandardPath() {
        training.saveStandard(alessio, "operator", "L2", List.of("quiz:STD-PPE", "read:STD-PPE#1"),
                Set.of("read:STD-PPE#2"), Set.of("read:STD-PPE#3"));

        TrainingPath path = training.path("operator", "L2");

        assertThat(path.standard()).isTrue();
        assertThat(path.savedBy()).isEqualTo("alessio.barbieri");
        List<String> week1 = path.modules().get(0).items().stream().map(PathItem::id).toList();
        assertThat(week1).startsWith("quiz:STD-PPE", "read:STD-PPE#1").doesNotContain("read:STD-PPE#3");
        assertThat(path.item("read:STD-PPE#2")).get().extracting(PathItem::pinned).isEqualTo(true);
    }

    @Test
    void readingPassingAndBeingObservedCompletesAModuleAndSignOffGrantsItsSkills() {
        completeWeek2(anna);
        Progress before = training.progress("anna.rossi").get(0);
        assertThat(before.modules()).filteredOn(m -> m.id().equals(WEEK_2)).singleElement()
                .satisfies(m -> assertThat(m.pending()).isTrue());
        matrix.remove(alessio, "anna.rossi", "coil-1");

        SignOff s = training.signOff(alessio, "anna.rossi", "operator", "L2", WEEK_2);

        assertThat(s.grants()).containsExactly("coil-1", "station-4");
        assertThat(matrix.record("anna.rossi", "coil-1")).get().satisfies(r -> {
            assertThat(r.level()).isEqualTo(Level.QUALIFIED);
            assertThat(r.until()).isEqualTo(java.time.LocalDate.of(2028, 11, 25));
            assertThat(r.source()).isEqualTo("sign-off operator@L2/" + WEEK_2);
        });
        assertThat(training.progress("anna.rossi").get(0).modules()).filteredOn(m -> m.id().equals(WEEK_2))
                .singleElement().satisfies(m -> assertThat(m.signOff().trainer()).isEqualTo("alessio.barbieri"));
    }

    @Test
    void aNewVersionThatChangesACitedSectionPutsItBackToReRead() throws Exception {
        training.markRead(anna, "operator", "L2", "read:WI-L2-STATION4-BRUSH-CHANGE#2");
        training.markRead(anna, "operator", "L2", "read:WI-L2-STATION4-BRUSH-CHANGE#3");

        Path file = kb.documentsDir().resolve("WI-L2-STATION4-BRUSH-CHANGE.md");
        String text = Files.readString(file);
        String changed = text.replaceFirst("version: \"[^\"]+\"", "version: \"9.0\"")
                .replace("minimum 18 mm (new brush: 30 mm)", "minimum 20 mm (new brush: 30 mm)");
        assertThat(changed).isNotEqualTo(text);
        kb.ingest("WI-L2-STATION4-BRUSH-CHANGE.md", changed.getBytes(StandardCharsets.UTF_8));

        Map<String, Progress.ItemProgress> items = new java.util.HashMap<>();
        training.progress("anna.rossi").get(0).modules().forEach(m -> m.items().forEach(i -> items.put(i.item().id(), i)));
        assertThat(items.get("read:WI-L2-STATION4-BRUSH-CHANGE#2").status()).isEqualTo(ItemStatus.REREAD);
        assertThat(items.get("read:WI-L2-STATION4-BRUSH-CHANGE#2").currentVersion()).isEqualTo("9.0");
        assertThat(items.get("read:WI-L2-STATION4-BRUSH-CHANGE#3").status()).isEqualTo(ItemStatus.DONE);
    }

    @Test
    void aQuizIsMarkedAndAFailureNamesTheSectionToReRead() {
        QuizResult fail = training.answerQuiz(anna, "operator", "L2", "quiz:STD-PPE", List.of(0, 2));
        QuizResult pass = training.answerQuiz(anna, "operator", "L2", "quiz:STD-PPE", List.of(1, 2));

        assertThat(fail.passed()).isFalse();
        assertThat(fail.score()).isEqualTo(50);
        assertThat(fail.wrong()).singleElement().extracting(QuizResult.Wrong::section).isEqualTo("2");
        assertThat(pass.passed()).isTrue();
        assertThat(training.quiz(anna, "operator", "L2", "quiz:STD-PPE")).hasSize(2)
                .first().extracting(Training.Question::options).asList().hasSize(3);
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        assertThatThrownBy(() -> training.answerQuiz(anna, "operator", "L2", "quiz:SOP-ROBOT-WELD-L1", List.of(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not an item on the path operator@L2");
        assertThatThrownBy(() -> training.answerQuiz(anna, "operator", "L1", "quiz:STD-PPE", List.of(1, 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("anna.rossi is not on the path operator@L1");
        assertThatThrownBy(() -> training.observe(elena, "anna.rossi", "operator", "L2", "practical:STD-PPE#1"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("training:manage");
        String lucasModule = training.path("team-leader", "L2").modules().get(0).id();
        assertThatThrownBy(() -> training.signOff(luca, "luca.bianchi", "team-leader", "L2", lucasModule))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("own training");
        assertThatThrownBy(() -> training.signOff(alessio, "anna.rossi", "operator", "L2", WEEK_2))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not complete");

        assertThat(training.progress("anna.rossi").get(0).done()).isZero();
        assertThat(training.progress("luca.bianchi")).allSatisfy(p -> assertThat(p.modules())
                .allSatisfy(m -> assertThat(m.signOff()).isNull()));
    }

    private void completeWeek2(Principal learner) {
        TrainingPath path = training.path("operator", "L2");
        for (PathItem item : path.module(WEEK_2).orElseThrow().items()) {
            switch (item.kind()) {
                case READ -> training.markRead(learner, "operator", "L2", item.id());
                case PRACTICAL -> training.observe(luca, learner.id(), "operator", "L2", item.id());
                case QUIZ -> {
                    List<Integer> right = kb.documents().stream().filter(d -> d.id().equals(item.documentId()))
                            .findFirst().orElseThrow().training().quiz().stream().map(q -> q.answer()).toList();
                    assertThat(training.answerQuiz(learner, "operator", "L2", item.id(), right).passed()).isTrue();
                }
            }
        }
    }
}
