package dev.andon.assistant.conversation;

import dev.andon.assistant.Assistants;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.SamplePlant;
import dev.andon.assistant.feedback.Feedback;
import dev.andon.assistant.feedback.Rating;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.audit.AuditQuery;
import dev.andon.core.audit.AuditRecord;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.identity.Principal;
import dev.andon.core.json.AndonJson;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.Problem;
import dev.andon.knowledge.KnowledgeBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.andon.assistant.SamplePlant.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conversations and feedback are in MapDB: a restart keeps them; bad input is refused with the field named. */
class ConversationsAndFeedbackTest {
    static final Principal MARCO = Principal.person("marco.ferri", "Marco Ferri", Set.of("maintenance"), Set.of("L2"), false);
    @TempDir
    static Path kbFolder;
    static KnowledgeBase kb;

    @TempDir
    Path data;

    @BeforeAll
    static void openKnowledge() {
        kb = SamplePlant.knowledge(kbFolder, Map.of());
    }

    @AfterAll
    static void closeKnowledge() {
        kb.close();
    }

    @Test
    void aRestartKeepsTheConversationItsMessagesAndItsContext() {
        String conversation;
        try (SamplePlant plant = SamplePlant.open(data); Assistants a = plant.offline(kb)) {
            plant.brushWearAlert();
            conversation = a.assistant().answer(ask("luca.bianchi", "team-leader", null, null, "status of L2")).conversationId();
        }

        try (SamplePlant plant = SamplePlant.open(data); Assistants a = plant.offline(kb)) {
            ChatAnswer next = a.assistant().answer(ask("luca.bianchi", "team-leader", null, conversation, "and station 4?"));

            assertThat(next.text()).startsWith("station-4 on L2");
            List<ConversationMessage> messages = a.conversations().messages(conversation);
            assertThat(messages).extracting(ConversationMessage::author).containsExactly("user", "assistant", "user", "assistant");
            assertThat(messages).extracting(ConversationMessage::seq).containsExactly(1L, 2L, 3L, 4L);
            assertThat(messages.get(0).text()).isEqualTo("status of L2");
            assertThat(messages.get(3).answerId()).isEqualTo(next.answerId());
            assertThat(messages.get(3).intent()).isEqualTo("line-status");
            assertThat(a.conversations().conversationsOf("luca.bianchi")).extracting(Conversation::id).containsExactly(conversation);
        }
    }

    @Test
    void messagesOfAnUnknownConversationAreNotFoundAndOfAnotherUserForbidden() {
        try (SamplePlant plant = SamplePlant.open(data); Assistants a = plant.offline(kb)) {
            String conversation = a.assistant().answer(ask("anna.rossi", "operator", "L2", null, "hello")).conversationId();

            assertThatThrownBy(() -> a.conversations().messages("no-such-conversation")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> a.conversations().messages(conversation, "luca.bianchi")).isInstanceOf(ForbiddenException.class);
            assertThat(a.conversations().messages(conversation, "anna.rossi")).hasSize(2);
        }
    }

    @Test
    void feedbackIsStoredWithQuestionAnswerCitationsAndVersions() {
        String answerId;
        try (SamplePlant plant = SamplePlant.open(data); Assistants a = plant.offline(kb)) {
            AlertRecord alert = plant.pressVibrationAlert(Map.of());
            ChatAnswer answer = a.assistant().answer(ask("marco.ferri", "maintenance", "L2", null, "what about alert " + alert.id() + "?"));
            answerId = answer.answerId();

            Feedback f = a.feedback().rate(answerId, MARCO, "down", "step 6 should come before step 5");

            assertThat(f.rating()).isEqualTo(Rating.DOWN);
            assertThat(f.answer().question()).isEqualTo("what about alert " + alert.id() + "?");
            assertThat(f.answer().answer()).isEqualTo(answer.text());
            assertThat(f.answer().citations()).isEqualTo(answer.citations());
            assertThat(f.answer().documentVersions()).containsEntry("SOP-L2-PRESS-VIB", "2.1").containsEntry("LOTO-PRESS-01", "3.2");
            assertThat(f.answer().rulesetVersions()).containsEntry(alert.id(), "sample-2026.11.1");
            assertThat(f.answer().mode()).isEqualTo("offline");
            assertThat(f.answer().model()).isEqualTo("offline");

            // The answer and the rating are each in the audit trail, in the name of the person who asked and rated.
            List<AuditRecord> trail = new AuditTrail(plant.db, AndonJson.newMapper(), SamplePlant.CLOCK)
                    .query(new AuditQuery("marco.ferri", null, null, null, 10));
            assertThat(trail).extracting(AuditRecord::action).containsSubsequence("chat.feedback", "chat.answer");
            assertThat(trail).filteredOn(r -> r.action().equals("chat.answer")).first().satisfies(r -> {
                assertThat(r.object()).isEqualTo("conversation/" + answer.conversationId());
                assertThat(r.after().get("answerId").asText()).isEqualTo(answerId);
                assertThat(r.after().get("citations").toString()).contains("LOTO-PRESS-01@3.2");
            });
            assertThat(trail).filteredOn(r -> r.action().equals("chat.feedback")).first()
                    .satisfies(r -> assertThat(r.after().get("rating").asText()).isEqualTo("down"));
        }
        try (SamplePlant plant = SamplePlant.open(data); Assistants a = plant.offline(kb)) {
            a.feedback().rate(answerId, MARCO, "up", null);

            assertThat(a.feedback().latestFor(answerId)).get().extracting(Feedback::rating).isEqualTo(Rating.UP);
            assertThat(a.feedback().list(10)).extracting(Feedback::rating).containsExactly(Rating.UP, Rating.DOWN);
        }
    }

    @Test
    void feedbackOnAnUnknownAnswerIsNotFoundAndABadRatingNamesTheField() {
        try (SamplePlant plant = SamplePlant.open(data); Assistants a = plant.offline(kb)) {
            assertThatThrownBy(() -> a.feedback().rate("no-such-answer", MARCO, "up", null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> a.feedback().rate("id", MARCO, "meh", "c".repeat(3000)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .extracting(Problem::field).containsExactly("rating", "comment"));
        }
    }

    @Test
    void emptyAndOversizedMessagesAndUnknownRoleOrLineAreRefusedNamingTheField() {
        try (SamplePlant plant = SamplePlant.open(data); Assistants a = plant.offline(kb)) {
            assertThatThrownBy(() -> a.assistant().answer(ask("anna.rossi", "operator", "L2", null, "   ")))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .containsExactly(new Problem("message", "must not be empty")));
            assertThatThrownBy(() -> a.assistant().answer(ask("anna.rossi", "operator", "L2", null, "x".repeat(100_000))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .containsExactly(new Problem("message", "must be at most 4000 characters (got 100000)")));
            assertThatThrownBy(() -> a.assistant().answer(ask("", "pilot", "L9", "bad id!", "hi")))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .extracting(Problem::field).containsExactly("userId", "role", "line", "conversationId"));
            assertThat(a.conversations().conversationsOf("anna.rossi")).isEmpty();
        }
    }

    @Test
    void markupInAMessageIsNeverEchoedBack() {
        try (SamplePlant plant = SamplePlant.open(data); Assistants a = plant.offline(kb)) {
            ChatAnswer station = a.assistant().answer(ask("anna.rossi", "operator", "L2", null, "is <img src=x onerror=alert(1)> press 9 running?"));
            ChatAnswer role = a.assistant().answer(ask("anna.rossi", "operator", "L2", null, "onboard me as a <script>pilot"));

            assertThat(station.text()).startsWith("There is no station \"press 9\"").doesNotContain("<").doesNotContain(">");
            assertThat(role.text()).doesNotContain("<").doesNotContain(">");
        }
    }
}
