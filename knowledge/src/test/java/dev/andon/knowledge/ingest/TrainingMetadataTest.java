package dev.andon.knowledge.ingest;

import dev.andon.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code training:} block of document metadata: read when right, refused with each problem's place when not. */
class TrainingMetadataTest {
    private final DocumentReader reader = DocumentReaderTest.reader(1200);

    private static byte[] doc(String training) {
        return ("""
                ---
                id: WI-TEST
                title: Test instruction
                type: work-instruction
                version: "1.0"
                """ + training + """
                ---

                ## 1 Scope

                Text.
                """).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void moduleQuizPracticalPrerequisitesAndGrantsAreRead() {
        ReadDocument d = reader.read("WI-TEST.md", doc("""
                training:
                  module: "Week 1"
                  prerequisites: [STD-PPE]
                  grants: [press-3]
                  practical: ["Shows the lock-out"]
                  quiz:
                    - question: "Which order?"
                      options: ["A", "B"]
                      answer: "B"
                      section: "1"
                """), null);

        TrainingMetadata t = d.metadata().training();
        assertThat(t.module()).isEqualTo("Week 1");
        assertThat(t.prerequisites()).containsExactly("STD-PPE");
        assertThat(t.grants()).containsExactly("press-3");
        assertThat(t.practical()).containsExactly("Shows the lock-out");
        assertThat(t.quiz()).singleElement().satisfies(q -> {
            assertThat(q.answer()).isEqualTo(1);
            assertThat(q.section()).isEqualTo("1");
        });
    }

    @Test
    void aDocumentWithoutTrainingMetadataHasNone() {
        assertThat(reader.read("WI-TEST.md", doc(""), null).metadata().training()).isEqualTo(TrainingMetadata.NONE);
    }

    @Test
    void badQuizQuestionsAreEachNamedAndTheDocumentIsRefused() {
        assertThatThrownBy(() -> reader.read("WI-TEST.md", doc("""
                training:
                  modul: "typo"
                  quiz:
                    - question: "Only one option?"
                      options: ["A"]
                      answer: 0
                    - question: "Answer out of range"
                      options: ["A", "B"]
                      answer: 5
                """), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("training.modul")
                .hasMessageContaining("training.quiz[0].options")
                .hasMessageContaining("training.quiz[1].answer");
    }
}
