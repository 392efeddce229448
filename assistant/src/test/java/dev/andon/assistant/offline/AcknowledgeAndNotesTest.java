package dev.andon.assistant.offline;

import dev.andon.assistant.AndonAssistant;
import dev.andon.assistant.Assistants;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.SamplePlant;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.handover.HandoverNote;
import dev.andon.knowledge.KnowledgeBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.andon.assistant.SamplePlant.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Actions through the offline assistant: acknowledging needs the user's own "yes" and the right role; notes. */
class AcknowledgeAndNotesTest {
    @TempDir
    static Path kbFolder;
    static KnowledgeBase kb;

    @TempDir
    Path data;
    SamplePlant plant;
    Assistants assistants;
    AndonAssistant assistant;
    AlertRecord alert;

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
        assistants = plant.offline(kb);
        assistant = assistants.assistant();
        alert = plant.pressVibrationAlert(Map.of());
    }

    @AfterEach
    void close() {
        assistants.close();
        plant.close();
    }

    private AlertState state() {
        return plant.alerts.get(alert.id()).state();
    }

    @Test
    void acknowledgeAsksForConfirmationAndActsOnlyOnTheUsersYes() {
        ChatAnswer asked = assistant.answer(ask("marco.ferri", "maintenance", "L2", null, "acknowledge alert " + alert.id()));

        assertThat(asked.intent()).isEqualTo("acknowledge");
        assertThat(asked.pendingConfirmation()).isNotNull();
        assertThat(asked.pendingConfirmation().alertId()).isEqualTo(alert.id());
        assertThat(asked.text()).isEqualTo("Acknowledge alert " + alert.id() + " (vibration-anomaly on press-3, L2) as marco.ferri? Reply \"yes\" to confirm or \"no\" to cancel.");
        assertThat(state()).isEqualTo(AlertState.ASSIGNED);

        ChatAnswer done = assistant.answer(ask("marco.ferri", "maintenance", "L2", asked.conversationId(), "yes"));

        assertThat(done.text()).startsWith("Done: alert " + alert.id() + " is acknowledged by marco.ferri at 09:00");
        AlertRecord after = plant.alerts.get(alert.id());
        assertThat(after.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(after.history().get(after.history().size() - 1).actor()).isEqualTo("marco.ferri");
        assertThat(done.pendingConfirmation()).isNull();
    }

    @Test
    void anOperatorOfAnotherLineMayNotAcknowledgeAndIsToldWhoMay() {
        // The plant's permission policy: operators move alerts on their own lines only (Sara works on L1).
        ChatAnswer a = assistant.answer(ask("sara.neri", "operator", "L1", null, "ack alert " + alert.id()));

        assertThat(a.pendingConfirmation()).isNull();
        assertThat(a.text()).isEqualTo("You (sara.neri, operator) may not acknowledge alert " + alert.id()
                + " (vibration-anomaly on press-3, L2). It may be acknowledged by someone in the maintenance technician role on L2, "
                + "Marco Ferri (assigned) or the L2 team leader (Luca Bianchi on shift).");
        ChatAnswer yes = assistant.answer(ask("sara.neri", "operator", "L1", a.conversationId(), "yes"));
        assertThat(yes.text()).startsWith("Nothing is waiting for your confirmation");
        assertThat(state()).isEqualTo(AlertState.ASSIGNED);
    }

    @Test
    void theLinesTeamLeaderMayAcknowledgeButNotAnotherLinesTeamLeader() {
        ChatAnswer other = assistant.answer(ask("paolo.greco", "team-leader", "L1", null, "acknowledge alert " + alert.id()));
        assertThat(other.pendingConfirmation()).isNull();
        assertThat(other.text()).startsWith("You (paolo.greco, team-leader) may not acknowledge");

        ChatAnswer own = assistant.answer(ask("luca.bianchi", "team-leader", "L2", null, "please acknowledge alert #" + alert.id()));
        assistant.answer(ask("luca.bianchi", "team-leader", "L2", own.conversationId(), "confirm"));
        assertThat(state()).isEqualTo(AlertState.ACKNOWLEDGED);
    }

    @Test
    void noCancelsAndSomethingElseDropsThePendingConfirmation() {
        ChatAnswer asked = assistant.answer(ask("marco.ferri", "maintenance", "L2", null, "acknowledge alert " + alert.id()));
        ChatAnswer no = assistant.answer(ask("marco.ferri", "maintenance", "L2", asked.conversationId(), "no"));
        assertThat(no.text()).isEqualTo("Cancelled: alert " + alert.id() + " was not acknowledged.");

        assistant.answer(ask("marco.ferri", "maintenance", "L2", asked.conversationId(), "acknowledge alert " + alert.id()));
        ChatAnswer other = assistant.answer(ask("marco.ferri", "maintenance", "L2", asked.conversationId(), "status of L2"));
        assertThat(other.text()).startsWith("(The request to acknowledge alert " + alert.id() + " was dropped");
        assistant.answer(ask("marco.ferri", "maintenance", "L2", asked.conversationId(), "yes"));

        assertThat(state()).isEqualTo(AlertState.ASSIGNED);
    }

    @Test
    void anotherUserCannotAnswerInSomeoneElsesConversation() {
        ChatAnswer asked = assistant.answer(ask("marco.ferri", "maintenance", "L2", null, "acknowledge alert " + alert.id()));

        assertThatThrownBy(() -> assistant.answer(ask("luca.bianchi", "team-leader", "L2", asked.conversationId(), "yes")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("belongs to another user");
        assertThat(state()).isEqualTo(AlertState.ASSIGNED);
    }

    @Test
    void acknowledgingAllAlertsIsRefusedOneAtATime() {
        ChatAnswer a = assistant.answer(ask("luca.bianchi", "team-leader", "L2", null, "acknowledge all alerts"));

        assertThat(a.pendingConfirmation()).isNull();
        assertThat(a.text()).startsWith("Alerts are acknowledged one at a time");
    }

    @Test
    void anAlreadyAcknowledgedAlertCannotBeAcknowledgedAgain() {
        plant.alerts.transition(alert.id(), AlertState.ACKNOWLEDGED, "marco.ferri", null, SamplePlant.NOW);

        ChatAnswer a = assistant.answer(ask("marco.ferri", "maintenance", "L2", null, "acknowledge alert " + alert.id()));

        assertThat(a.pendingConfirmation()).isNull();
        assertThat(a.text()).isEqualTo("Alert " + alert.id() + " is acknowledged and cannot be acknowledged.");
    }

    @Test
    void handoverNoteIsStoredForTheLineAndShiftAsPlainText() {
        ChatAnswer a = assistant.answer(ask("anna.rossi", "operator", "L2", null,
                "add a handover note: <b>brush</b> on station 4 is worn <script>alert(1)</script>, change it at the next stop"));

        assertThat(a.intent()).isEqualTo("handover-note");
        List<HandoverNote> notes = plant.notes.list("L2", null);
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.text()).isEqualTo("brush on station 4 is worn alert(1), change it at the next stop");
            assertThat(n.shift()).isEqualTo("early");
            assertThat(n.author()).isEqualTo("anna.rossi");
        });
        assertThat(a.text()).doesNotContain("<").doesNotContain(">").contains("added for L2 (Early shift) by anna.rossi");
    }

    @Test
    void aHandoverNoteForALineTheAskerDoesNotWorkOnIsRefusedAndNotStored() {
        ChatAnswer a = assistant.answer(ask("anna.rossi", "operator", "L1", null,
                "add a handover note: feeder jammed twice"));

        assertThat(a.intent()).isEqualTo("handover-note");
        assertThat(a.text()).startsWith("I cannot add that note:").contains("handover:note");
        assertThat(plant.notes.list(null, null)).isEmpty();
    }

    @Test
    void handoverNoteWithoutTextAsksWhatToWrite() {
        ChatAnswer a = assistant.answer(ask("anna.rossi", "operator", "L2", null, "add a handover note"));

        assertThat(a.text()).startsWith("What should the note say?");
        assertThat(plant.notes.list(null, null)).isEmpty();
    }
}
