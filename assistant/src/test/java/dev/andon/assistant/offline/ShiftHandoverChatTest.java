package dev.andon.assistant.offline;

import dev.andon.assistant.AndonAssistant;
import dev.andon.assistant.Assistants;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.SamplePlant;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.handover.HandoverEdit;
import dev.andon.core.handover.ShiftEngines;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.json.AndonJson;
import dev.andon.core.resolution.AlertResolutions;
import dev.andon.knowledge.KnowledgeBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.andon.assistant.SamplePlant.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** The chat words the handover engine's report and the resolution records; it computes no shift of its own. */
class ShiftHandoverChatTest {
    @TempDir
    static Path kbFolder;
    static KnowledgeBase kb;

    @TempDir
    Path data;
    SamplePlant plant;
    ShiftEngines engines;
    Assistants assistants;
    AndonAssistant assistant;
    PlantPeople people;

    @BeforeAll
    static void openKnowledge() {
        kb = SamplePlant.knowledge(kbFolder, Map.of());
    }

    @AfterAll
    static void closeKnowledge() {
        kb.close();
    }

    @BeforeEach
    void open() {
        plant = SamplePlant.open(data);
        engines = ShiftEngines.build(plant.plant, plant.db, AndonJson.newMapper(), plant.alerts, plant.stations,
                plant.notes, PermissionPolicy.bundled(), null,
                new dev.andon.core.audit.AuditTrail(plant.db, AndonJson.newMapper(), SamplePlant.CLOCK), SamplePlant.CLOCK,
                Duration.ofDays(35), Duration.ofMinutes(5));
        assistants = plant.assistants(kb, Map.of()).shift(engines.handovers(), engines.resolutions()).build();
        assistant = assistants.assistant();
        people = new PlantPeople(plant.plant);
    }

    @AfterEach
    void close() {
        assistants.close();
        plant.close();
    }

    @Test
    void theLastShiftOnALineIsSummarisedFromItsHandoverReport() {
        var karin = people.principalOf("karin.huber").orElseThrow();
        engines.handovers().edit(karin, "L2.2026-11-24.night", new HandoverEdit(null, List.of("oil on the floor at press-3"),
                null, null, null, null, null, "Die D-21 fitted at 03:00."));
        engines.handovers().sign(karin, "L2.2026-11-24.night");

        ChatAnswer a = assistant.answer(ask("davide.gallo", "team-leader", null, null, "summarise the last shift on L2"));

        assertThat(a.intent()).isEqualTo("shift-summary");
        assertThat(a.text()).contains("Shift summary for L2 (Press line 2) — Night shift, since 24 Nov 22:00, until 06:00")
                .contains("Handover signed by the outgoing leader, waiting for acceptance")
                .contains("On shift: operator Jonas Weber; team leader Karin Huber")
                .contains("Next shift: operator Anna Rossi; team leader Luca Bianchi")
                .contains("Output: 0 good parts of 4000 planned")
                .contains("Safety (1):\n- oil on the floor at press-3")
                .contains("Leader's notes: \"Die D-21 fitted at 03:00.\"");
    }

    @Test
    void whatWasHandedOverToMeIsTheSignedReportNamingMeAsIncoming() {
        var karin = people.principalOf("karin.huber").orElseThrow();
        engines.handovers().edit(karin, "L2.2026-11-24.night", new HandoverEdit(null, null, null, null, null, null,
                List.of("wear gloves at station-4"), null));
        engines.handovers().sign(karin, "L2.2026-11-24.night");

        ChatAnswer a = assistant.answer(ask("luca.bianchi", "team-leader", "L2", null, "what was handed over to me?"));

        assertThat(a.intent()).isEqualTo("shift-summary");
        assertThat(a.text()).startsWith("Handed over to you: L2.2026-11-24.night — signed by the outgoing leader")
                .contains("Standing instructions (1):\n- wear gloves at station-4");
        ChatAnswer nobody = assistant.answer(ask("roberta.fontana", "process-owner", null, null, "what was handed over to me?"));
        assertThat(nobody.text()).startsWith("No handover names you as incoming");
    }

    @Test
    void anAlertThatCameBackShowsWhatFixedItLastTime() {
        AlertRecord first = plant.pressVibrationAlert(Map.of());
        engines.resolutions().resolve(plant.lifecycle, first.id(), people.principalOf("marco.ferri").orElseThrow(), null,
                new AlertResolutions.Input("loose motor mount", null, "re-torqued the four mount bolts", null));
        AlertRecord again = plant.pressVibrationAlert(Map.of());

        ChatAnswer a = assistant.answer(ask("marco.ferri", "maintenance", "L2", null, "what about alert " + again.id() + "?"));

        assertThat(a.text()).contains("This came back: vibration-anomaly on press-3 was raised 2 times this month.")
                .contains("What fixed it last time:\n- alert " + first.id() + ", 09:00, Marco Ferri: cause loose motor mount; "
                        + "action re-torqued the four mount bolts (fixed in 5 min)");
    }
}
