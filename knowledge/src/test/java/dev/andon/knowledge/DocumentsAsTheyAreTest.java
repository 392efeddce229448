package dev.andon.knowledge;

import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Principal;
import dev.andon.knowledge.index.SearchMode;
import dev.andon.knowledge.ingest.MetadataDefaults;
import dev.andon.knowledge.ingest.TestPdfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.andon.knowledge.Docs.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A plant's existing documents, loaded as they are: no front matter, no sidecar, nobody's approval needed. */
class DocumentsAsTheyAreTest {
    static final Principal AUTHOR = Principal.person("rita.author", "Rita Author", Set.of("runbook-author"), Set.of(), true);
    static final String WIKI_PAGE = """
            # Cutting bar stock on the bandsaw

            Pick the blade by the wall thickness of the work, not by the bar's outside size.

            ## Blade pitch

            | material size | teeth per inch |
            |---|---|
            | up to 1 inch | 10/14 |
            | 1 to 3 inch | 6/10 |
            | over 3 inch | 4/6 |
            """;

    @TempDir
    Path tmp;
    KnowledgeBase kb;

    @BeforeEach
    void open() {
        kb = KnowledgeBase.open(tmp.resolve("docs"), tmp.resolve("index"), KnowledgeFixtures.options()
                .metadataDefaults(MetadataDefaults.parse("guides=training-guide", "work-instruction")).build());
    }

    @AfterEach
    void close() {
        kb.close();
    }

    @Test
    void aMarkdownPageWithoutMetadataGetsIdTitleVersionAndTypeAndIsMarkedUncontrolled() {
        IngestResult r = kb.upload(AUTHOR, new DocumentUpload("Bandsaw blade selection.md", bytes(WIKI_PAGE), null,
                Map.of("type", "training-guide")));

        assertThat(r.status()).isEqualTo(IngestResult.CURRENT);
        assertThat(r.uncontrolled()).isTrue();
        DocumentInfo info = kb.document("Bandsaw-blade-selection").info();
        assertThat(info.title()).isEqualTo("Cutting bar stock on the bandsaw");
        assertThat(info.version()).isEqualTo("1");
        assertThat(info.type()).isEqualTo("training-guide");
        assertThat(info.owner()).isNull();
        assertThat(info.reviewDate()).isNull();
        assertThat(info.uncontrolled()).isTrue();

        SearchHit hit = kb.search(SearchRequest.of("what blade for 2 inch bar bandsaw teeth", 3)).get(0);
        assertThat(hit.documentId()).isEqualTo("Bandsaw-blade-selection");
        assertThat(hit.uncontrolled()).as("the citation says the document is not controlled").isTrue();
        assertThat(kb.section("Bandsaw-blade-selection", "blade-pitch").orElseThrow().uncontrolled()).isTrue();
    }

    @Test
    void textHtmlAndPdfWithoutMetadataAreAcceptedToo() {
        kb.upload(AUTHOR, DocumentUpload.of("coolant.txt", bytes("""
                1 Coolant mix

                Mix the coolant at 5 percent for steel and 8 percent for aluminium.
                """)));
        kb.upload(AUTHOR, DocumentUpload.of("drill-speeds.html", bytes("""
                <html><head><title>Drill speeds</title></head><body>
                <h1>Drill speeds</h1><p>Run a 10 mm HSS drill at about 800 rpm in mild steel.</p></body></html>
                """)));
        kb.upload(AUTHOR, DocumentUpload.of("tap-drill-chart.pdf",
                TestPdfs.simple(List.of("1 Tap drill sizes", "An M8 x 1.25 tap needs a 6.8 mm drill."))));

        assertThat(kb.documents()).extracting(DocumentInfo::id, DocumentInfo::version, DocumentInfo::uncontrolled)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("coolant", "1", true),
                        org.assertj.core.groups.Tuple.tuple("drill-speeds", "1", true),
                        org.assertj.core.groups.Tuple.tuple("tap-drill-chart", "1", true));
        assertThat(kb.document("drill-speeds").info().title()).isEqualTo("Drill speeds");
        assertThat(kb.search(SearchRequest.of("M8 tap drill size", 3), SearchMode.BM25).get(0).documentId())
                .isEqualTo("tap-drill-chart");
    }

    @Test
    void everyMetadataFieldCanBeGivenAsAFormFieldButNotAgainstTheFile() {
        kb.upload(AUTHOR, new DocumentUpload("saw.md", bytes(WIKI_PAGE), null, Map.of("id", "WI-SAW", "version", "2.1",
                "roles", "operator, maintenance", "lines", "L1", "type", "work-instruction", "language", "en")));
        DocumentInfo info = kb.document("WI-SAW").info();
        assertThat(info.version()).isEqualTo("2.1");
        assertThat(info.roles()).containsExactly("operator", "maintenance");
        assertThat(info.lines()).containsExactly("L1");
        assertThat(tmp.resolve("docs/saw.md.meta.yaml")).as("form metadata is kept next to the file").exists();

        String withFrontMatter = "---\nid: WI-OTHER\nversion: \"3\"\n---\n" + WIKI_PAGE;
        assertThatThrownBy(() -> kb.upload(AUTHOR, new DocumentUpload("other.md", bytes(withFrontMatter), null,
                Map.of("version", "4"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("the file itself says '3'");
        assertThatThrownBy(() -> kb.upload(AUTHOR, new DocumentUpload("other.md", bytes(WIKI_PAGE), null,
                Map.of("colour", "blue"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown metadata field 'colour'");
        assertThat(kb.documents()).extracting(DocumentInfo::id).containsExactly("WI-SAW");
    }

    @Test
    void aFileDroppedIntoAFolderTakesThatFoldersTypeAndEveryVersionRebuildsToTheSameDocument() throws IOException {
        Files.createDirectories(tmp.resolve("docs/guides"));
        Files.writeString(tmp.resolve("docs/guides/lathe-safety.md"), "# Lathe safety\n\nNever leave the chuck key in the chuck.\n");
        kb.scanNow();
        assertThat(kb.document("lathe-safety").info().type()).isEqualTo("training-guide");

        // A second version replaces it; the first keeps its id, version and type in the archive.
        kb.upload(AUTHOR, new DocumentUpload("lathe-safety.md", bytes("# Lathe safety\n\nRemove the chuck key every time.\n"),
                null, Map.of("version", "2", "type", "training-guide")));
        kb.upload(AUTHOR, new DocumentUpload("lathe-safety.md", bytes("# Lathe safety\n\nRemove the chuck key, always.\n"),
                null, Map.of("version", "3", "type", "training-guide")));
        RebuildReport report = kb.rebuild();

        assertThat(report.failedIngests()).isEmpty();
        assertThat(kb.document("lathe-safety").versions()).extracting(DocumentVersionInfo::version)
                .containsExactly("3", "2", "1");
        assertThat(kb.documentVersion("lathe-safety", "1").info().type()).isEqualTo("training-guide");
    }
}
