package dev.andon.assistant.training;

import dev.andon.assistant.Assistants;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.ChatRequest;
import dev.andon.assistant.SamplePlant;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.json.AndonJson;
import dev.andon.core.skills.Coverage;
import dev.andon.core.skills.SkillCatalog;
import dev.andon.core.skills.SkillsMatrix;
import dev.andon.core.skills.Staffing;
import dev.andon.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat renders the training engine's and the skills matrix's records; it does not compute its own. */
class TrainingChatTest {
    @TempDir
    Path dir;

    @Test
    void pathProgressWhoCanDoLockOutAndReCertificationComeFromTheEngines() {
        try (SamplePlant sample = SamplePlant.open(dir.resolve("data"));
             KnowledgeBase kb = SamplePlant.knowledge(dir.resolve("kb"), Map.of())) {
            PermissionPolicy policy = PermissionPolicy.bundled();
            SkillCatalog catalog = SkillCatalog.of(sample.plant);
            SkillsMatrix matrix = new SkillsMatrix(sample.db, AndonJson.newMapper(), sample.plant, catalog, policy, SamplePlant.CLOCK);
            Training training = new Training(sample.plant, kb, new TrainingStore(sample.db, AndonJson.newMapper()), matrix,
                    sample.db, policy, SamplePlant.CLOCK);
            Coverage coverage = new Coverage(sample.plant, catalog, matrix, Staffing.fromRoster(sample.plant));
            Assistants assistants = sample.assistants(kb, Map.of()).training(training, matrix, coverage).build();
            var anna = new PlantPeople(sample.plant).principalOf("anna.rossi").orElseThrow();
            training.markRead(anna, "operator", "L2", "read:TG-L2-OPERATOR#1");

            ChatAnswer path = assistants.assistant().answer(new ChatRequest("anna.rossi", "operator", "L2", null,
                    "what is left on my path?"));
            ChatAnswer who = assistants.assistant().answer(new ChatRequest("luca.bianchi", "team-leader", "L2", null,
                    "who on this shift can do lock-out on press-3?"));
            ChatAnswer recert = assistants.assistant().answer(new ChatRequest("alessio.barbieri", "trainer", null, null,
                    "who needs re-certification this month?"));

            assertThat(path.intent()).isEqualTo("training");
            assertThat(path.text()).startsWith("Path operator on L2: 1 of ")
                    .contains("Next: Read TG-L2-OPERATOR §2").contains("- Week 1: safety and the line:");
            assertThat(path.citations()).extracting(c -> c.documentId() + " " + c.section()).containsExactly("TG-L2-OPERATOR 2");
            assertThat(who.text()).startsWith("Lock-out/tag-out on press-3 — Early shift, 2026-11-25:")
                    .contains("- L2: Marco Ferri (until 2026-12-15, due for re-certification).")
                    .contains("Off the roster (on call or day staff): Nicola Rinaldi.");
            assertThat(recert.text()).contains("Jonas Weber: Coil feeder 1 expires on 2026-11-30 (qualified)")
                    .doesNotContain("Marco Ferri");
        }
    }
}
