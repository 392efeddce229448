package dev.andon.assistant.llm;

import dev.andon.assistant.Assistants;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.Citation;
import dev.andon.assistant.SamplePlant;
import dev.andon.knowledge.KnowledgeBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.andon.assistant.SamplePlant.ask;
import static dev.andon.assistant.llm.ScriptedModel.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wiki page loaded as it is (no owner, no review date) is uncontrolled: an answer from it says so at the citation,
 * offline in the text and with a language model in the citation list; answers from controlled documents do not.
 */
class UncontrolledCitationTest {
    /** A shop wiki page as published: Markdown, no front matter. */
    static final String WIKI_PAGE = """
            # Coolant for the CNC lathes

            ## Mixing the coolant

            Mix the water-soluble coolant at 6 to 8 percent in water for the CNC lathes: pour the concentrate into the
            water, never water into the concentrate. Check the mix every Monday with the refractometer.
            """;

    @TempDir
    static Path kbFolder;
    static KnowledgeBase kb;

    @TempDir
    Path data;

    @BeforeAll
    static void openKnowledge() {
        kb = SamplePlant.knowledge(kbFolder, Map.of("CNC coolant.md", WIKI_PAGE));
    }

    @AfterAll
    static void closeKnowledge() {
        kb.close();
    }

    @Test
    void anOfflineAnswerFromAnUncontrolledDocumentSaysSoAtItsCitation() {
        try (SamplePlant plant = SamplePlant.open(data); Assistants assistants = plant.offline(kb)) {
            ChatAnswer a = assistants.assistant().answer(ask("anna.rossi", "operator", "L2", null,
                    "what percent coolant mix do the CNC lathes take?"));

            assertThat(a.text()).startsWith("«Mix the water-soluble coolant at 6 to 8 percent")
                    .contains("— CNC-coolant §mixing-the-coolant Mixing the coolant — Coolant for the CNC lathes, version 1; "
                            + Citation.UNCONTROLLED_NOTE + " · ");
            assertThat(a.citations()).first().satisfies(c -> {
                assertThat(c.documentId()).isEqualTo("CNC-coolant");
                assertThat(c.uncontrolled()).isTrue();
            });
        }
    }

    @Test
    void anOfflineAnswerFromAControlledDocumentCarriesNoSuchNote() {
        try (SamplePlant plant = SamplePlant.open(data); Assistants assistants = plant.offline(kb)) {
            ChatAnswer a = assistants.assistant().answer(ask("anna.rossi", "operator", "L2", null,
                    "what is the torque for the lower die clamp bolts?"));

            assertThat(a.citations()).first().satisfies(c -> {
                assertThat(c.documentId()).isEqualTo("WI-L2-PRESS3-DIE-CHANGE");
                assertThat(c.uncontrolled()).isFalse();
            });
            assertThat(a.text()).doesNotContain("uncontrolled");
        }
    }

    @Test
    void withALanguageModelTheCitationListFlagsTheUncontrolledDocumentAndTheModelIsToldToSaySo() {
        try (SamplePlant plant = SamplePlant.open(data)) {
            ScriptedModel model = new ScriptedModel(r -> text("Mix it at 6 to 8 percent (CNC-coolant, an uncontrolled wiki page)."));
            try (Assistants assistants = plant.assistants(kb, Map.of()).chatModel(model.model, "mock:scripted").build()) {
                ChatAnswer a = assistants.assistant().answer(ask("anna.rossi", "operator", "L2", null,
                        "what percent coolant mix do the CNC lathes take?"));

                assertThat(a.mode()).isEqualTo("llm");
                assertThat(a.citations()).anySatisfy(c -> {
                    assertThat(c.documentId()).isEqualTo("CNC-coolant");
                    assertThat(c.uncontrolled()).isTrue();
                });
                assertThat(ScriptedModel.lastUserText(model.requests.get(0)))
                        .contains("UNCONTROLLED (no owner, not reviewed): say so when you cite it");
            }
        }
    }
}
