package dev.andon.knowledge.ingest;

import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.PayloadTooLargeException;
import dev.andon.core.error.Problem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

class DocumentReaderTest {
    private static final String FRONT = """
            ---
            id: WI-TEST
            title: Test instruction
            type: work-instruction
            roles: [operator]
            lines: [L2]
            stations: [press-3]
            version: "1.10"
            effectiveDate: 2026-01-01
            reviewDate: 2027-01-01
            safetyCritical: ["2"]
            ---
            """;
    private static final byte[] SIDECAR = """
            id: WI-PDF
            title: A PDF instruction
            type: work-instruction
            version: "1.0"
            """.getBytes(StandardCharsets.UTF_8);

    private final DocumentReader reader = reader(1200);

    static DocumentReader reader(int maxChunkChars) {
        return new DocumentReader(new MetadataReader(Set.of("operator", "maintenance"), Set.of("L1", "L2"), Set.of()),
                new LanguageDetector("en"), new Chunker(maxChunkChars), new PdfParser(5, 20_000, 8L * 1024 * 1024),
                1024 * 1024);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void markdownSectionsKnowTheirNumberHeadingAndPath() {
        ReadDocument doc = reader.read("wi.md", utf8(FRONT + """
                # Test instruction

                Intro text.

                ## 1 Purpose

                Why we do it.

                ## 2 Isolation

                Isolate in order.

                ### 2.1 Isolate electrical energy

                1. Turn Q1 off.
                2. Lock it.

                ## Notes

                Free notes.
                """), null);
        assertThat(doc.metadata().version()).isEqualTo("1.10");
        assertThat(doc.sections()).extracting(DocumentSection::number).containsExactly("0", "1", "2", "2.1", "notes");
        DocumentSection electrical = doc.section("2.1").orElseThrow();
        assertThat(electrical.path()).isEqualTo("WI-TEST › 2 Isolation › 2.1 Isolate electrical energy");
        assertThat(electrical.ancestors()).containsExactly("2");
        assertThat(electrical.text()).isEqualTo("1. Turn Q1 off.\n2. Lock it.");
        assertThat(electrical.safetyCritical()).as("inherits from section 2").isTrue();
        assertThat(doc.section("1").orElseThrow().safetyCritical()).isFalse();
        assertThat(doc.section("notes").orElseThrow().heading()).isEqualTo("Notes");
    }

    @Test
    void aNumberedStepListIsNeverSplitEvenWhenLongerThanAChunk() {
        StringBuilder steps = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            steps.append(i).append(". Step number ").append(i).append(" with enough words to make the list long.\n");
        }
        ReadDocument doc = reader(200).read("wi.md", utf8(FRONT + """
                ## 2 Isolation

                A first paragraph that stands before the steps and is long enough to need its own chunk here.

                """ + steps + """

                A closing paragraph after the steps.
                """), null);
        List<Chunk> chunks = doc.chunks();
        assertThat(chunks).hasSize(3);
        Chunk list = chunks.stream().filter(c -> c.text().startsWith("1. Step")).findFirst().orElseThrow();
        assertThat(list.text()).contains("12. Step number 12").hasSizeGreaterThan(200);
        assertThat(chunks).allMatch(c -> c.section().equals("2"));
    }

    @Test
    void longProseIsCutAtSentenceEnds() {
        String prose = "This sentence explains one thing about the press. ".repeat(40);
        ReadDocument doc = reader(300).read("wi.md", utf8(FRONT + "## 2 Long\n\n" + prose), null);
        assertThat(doc.chunks()).hasSizeGreaterThan(5);
        assertThat(doc.chunks()).allSatisfy(c -> {
            assertThat(c.text().length()).isLessThanOrEqualTo(300);
            assertThat(c.text()).endsWith(".");
        });
    }

    @Test
    void plainTextWithFrontMatterUsesNumberedLinesAsHeadings() {
        ReadDocument doc = reader.read("std.txt", utf8(FRONT.replace("safetyCritical: [\"2\"]", "safetyCritical: false") + """
                Test instruction

                1 Why

                Because.

                2 The answers
                Give one answer:
                1. Useful: it was real.
                2. False alarm: nothing found.
                3. Duplicate: already open.

                2.1 Who answers
                The person who resolves it.
                """), null);
        assertThat(doc.sections()).extracting(DocumentSection::number).containsExactly("1", "2", "2.1");
        assertThat(doc.section("2").orElseThrow().text()).contains("Give one answer:\n\n1. Useful");
        assertThat(doc.chunks()).filteredOn(c -> c.section().equals("2"))
                .anySatisfy(c -> assertThat(c.text()).contains("1. Useful", "3. Duplicate"));
    }

    @Test
    void htmlLosesScriptsAndStylesAndTheStoredCopyIsSanitised() {
        String html = """
                <html><head><title>Ignored title</title>
                <meta name="andon:id" content="TG-HTML"><meta name="andon:title" content="HTML guide">
                <meta name="andon:type" content="training-guide"><meta name="andon:version" content="2">
                <script>alert('owned')</script><style>body{color:red}</style></head>
                <body onload="steal()"><h1>HTML guide</h1>
                <h2>1 Start</h2><p>Open the page <a href="javascript:evil()">here</a>.</p>
                <script>document.cookie</script>
                <ol><li>Log in.</li><li>Read alerts.</li></ol>
                <iframe src="http://evil.example"></iframe>
                </body></html>
                """;
        ReadDocument doc = reader.read("guide.html", utf8(html), null);
        assertThat(doc.metadata().title()).isEqualTo("HTML guide");
        assertThat(doc.section("1").orElseThrow().text()).isEqualTo("Open the page here.\n\n1. Log in.\n2. Read alerts.");
        String stored = new String(doc.content(), StandardCharsets.UTF_8);
        assertThat(stored).doesNotContainIgnoringCase("<script").doesNotContain("alert(").doesNotContain("onload")
                .doesNotContain("javascript:").doesNotContainIgnoringCase("iframe").contains("andon:id");
        assertThat(doc.chunks()).noneMatch(c -> c.text().contains("alert(") || c.text().contains("cookie"));
    }

    @Test
    void pdfTextLayerIsStructuredAndMetadataComesFromTheSidecar() {
        byte[] pdf = TestPdfs.simple(List.of("# A PDF instruction", "## 1 Scope", "For press 3.", "## 2 Steps",
                "1. Stop the press.", "2. Lock out.", "3. Verify."));
        ReadDocument doc = reader.read("wi.pdf", pdf, SIDECAR);
        assertThat(doc.metadata().id()).isEqualTo("WI-PDF");
        assertThat(doc.format()).isEqualTo(DocumentFormat.PDF);
        assertThat(doc.section("2").orElseThrow().text()).isEqualTo("1. Stop the press.\n2. Lock out.\n3. Verify.");
    }

    @Test
    void languageIsDetectedWhenMetadataDoesNotSayIt() {
        String it = FRONT.replace("safetyCritical: [\"2\"]", "safetyCritical: false") + """
                ## 1 Scopo

                Questa istruzione descrive i controlli della pressa prima di ogni turno e come si deve avviare la macchina.
                """;
        assertThat(reader.read("it.md", utf8(it), null).metadata().language()).isEqualTo("it");
        String de = FRONT.replace("safetyCritical: [\"2\"]", "safetyCritical: false") + """
                ## 1 Zweck

                Diese Anweisung beschreibt die Wartung des Roboters und wie die Achsen geprüft werden.
                """;
        assertThat(reader.read("de.md", utf8(de), null).metadata().language()).isEqualTo("de");
    }

    @Test
    void frontMatterWithWrongFieldsNamesEveryProblem() {
        String bad = """
                ---
                id: ../etc
                type: memo
                version: "1.0"
                reviewDate: next year
                roles: [operator, janitor]
                lines: [L9]
                colour: blue
                safetyCritical: maybe
                ---
                ## 1 Text
                Words.
                """;
        assertThatThrownBy(() -> reader.read("bad.md", utf8(bad), null))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).problems(), list(Problem.class))
                .extracting(Problem::field)
                .contains("id", "type", "reviewDate", "roles", "lines", "colour", "safetyCritical");
    }

    @Test
    void unknownSafetyCriticalSectionsAndBrokenFrontMatterAreRefused() {
        assertThatThrownBy(() -> reader.read("wi.md", utf8(FRONT + "## 1 Only\n\nText."), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("safetyCritical names section '2'");
        assertThatThrownBy(() -> reader.read("wi.md", utf8("---\nid: X\ntitle: [unclosed\n---\n## 1 A\nb"), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> reader.read("wi.md", utf8("---\nid: X\ntitle: never closed\n## 1 A\nb"), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("never closed");
    }

    @Test
    void emptyDocumentsAreRefused() {
        assertThatThrownBy(() -> reader.read("empty.md", new byte[0], null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> reader.read("only-meta.md", utf8(FRONT.replace("safetyCritical: [\"2\"]", "") + "\n# Title only\n"), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no text");
    }

    @Test
    void unknownFormatsBinaryAndTooLargeFilesAreRefused() {
        assertThatThrownBy(() -> reader.read("macro.docm", utf8("x"), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unsupported file type");
        assertThatThrownBy(() -> reader.read("bin.md", new byte[]{(byte) 0xC3, 0x28, 0x00, 0x01}, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> reader.read("big.md", new byte[2 * 1024 * 1024], null))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void corruptAndEncryptedPdfsAreRefused() {
        assertThatThrownBy(() -> reader.read("x.pdf", utf8("%PDF-1.7\n" + "garbage ".repeat(50)), SIDECAR))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("x.pdf");
        assertThatThrownBy(() -> reader.read("x.pdf", utf8("not a pdf at all"), SIDECAR))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a PDF");
        assertThatThrownBy(() -> reader.read("secret.pdf", TestPdfs.encrypted(), SIDECAR))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("encrypted");
    }

    @Test
    void pdfsThatExpandBeyondTheLimitsAreRefused() {
        assertThatThrownBy(() -> reader.read("long.pdf", TestPdfs.pages(6), SIDECAR))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("6 pages");
        byte[] bomb = TestPdfs.expanding(2_000);
        assertThat(bomb.length).isLessThan(100_000);
        assertThatThrownBy(() -> reader.read("bomb.pdf", bomb, SIDECAR))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("more than 20000 characters");
    }
}
