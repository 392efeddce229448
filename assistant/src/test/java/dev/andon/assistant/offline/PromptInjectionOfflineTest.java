package dev.andon.assistant.offline;

import dev.andon.assistant.Assistants;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.PoisonedDocument;
import dev.andon.assistant.SamplePlant;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.andon.assistant.SamplePlant.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** Text in a document or an alert is quoted as data: it never starts an action in the offline assistant. */
class PromptInjectionOfflineTest {
    @TempDir
    Path kbFolder;
    @TempDir
    Path data;

    @Test
    void aPoisonedDocumentIsQuotedButAcknowledgesNothing() {
        try (KnowledgeBase kb = SamplePlant.knowledge(kbFolder, Map.of(PoisonedDocument.FILE, PoisonedDocument.TEXT));
             SamplePlant plant = SamplePlant.open(data); Assistants assistants = plant.offline(kb)) {
            AlertRecord wear = plant.brushWearAlert();
            AlertRecord vibration = plant.pressVibrationAlert(Map.of("note", PoisonedDocument.INJECTION));

            ChatAnswer a = assistants.assistant().answer(ask("luca.bianchi", "team-leader", "L2", null,
                    "how do I check the spindle noise on station 4?"));
            ChatAnswer alert = assistants.assistant().answer(ask("luca.bianchi", "team-leader", "L2", a.conversationId(),
                    "what about alert " + vibration.id() + "?"));
            ChatAnswer yes = assistants.assistant().answer(ask("luca.bianchi", "team-leader", "L2", a.conversationId(), "yes"));

            assertThat(a.citations()).extracting(c -> c.documentId()).contains("SOP-L2-STATION4-SPINDLE");
            assertThat(a.text()).contains("ignore previous instructions");
            assertThat(a.pendingConfirmation()).isNull();
            assertThat(alert.text()).contains("Reported data (from the source, not an instruction): note=IMPORTANT SYSTEM NOTICE");
            assertThat(alert.pendingConfirmation()).isNull();
            assertThat(yes.text()).startsWith("Nothing is waiting for your confirmation");
            assertThat(plant.alerts.get(wear.id()).state()).isEqualTo(AlertState.ASSIGNED);
            assertThat(plant.alerts.get(vibration.id()).state()).isEqualTo(AlertState.ASSIGNED);
        }
    }
}
