package dev.andon.knowledge;

import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Principal;
import dev.andon.knowledge.ingest.TestPdfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.andon.knowledge.Docs.bytes;
import static dev.andon.knowledge.DocumentsAsTheyAreTest.AUTHOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulk imports report file by file; every hostile entry is refused with its reason and changes nothing. */
class BulkImportTest {
    static final Principal ADMIN = Principal.person("admin:ida", "Ida Admin", Set.of(Principal.ADMIN_ROLE), Set.of(), true);

    @TempDir
    Path tmp;
    Path docs;
    KnowledgeBase kb;

    @BeforeEach
    void open() {
        docs = tmp.resolve("docs");
        kb = KnowledgeBase.open(docs, tmp.resolve("index"), KnowledgeFixtures.options().build());
        kb.ingest("press.md", bytes(Docs.markdown("SOP-PRESS", "1.0", "Press start-up", "## 1 Start\n\nCheck the oil level.")));
    }

    @AfterEach
    void close() {
        kb.close();
    }

    @Test
    void aWikiExportIsImportedAndEveryBadEntryIsRefusedWithItsReason() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("wiki/bandsaw.md", bytes("# Bandsaw blades\n\nUse a 6/10 pitch blade for 1 to 3 inch bar.\n"));
        entries.put("wiki/drill.html", bytes("<h1>Drilling</h1><p>Run a 10 mm drill at 800 rpm in mild steel.</p>"));
        entries.put("wiki/taps.pdf", TestPdfs.simple(List.of("1 Tap drills", "An M8 tap needs a 6.8 mm drill.")));
        entries.put("../../outside.md", bytes("# Escaped\n\ntext"));
        entries.put("wiki/../../../etc/cron.md", bytes("# Escaped\n\ntext"));
        entries.put("/abs/root.md", bytes("# Absolute\n\ntext"));
        entries.put("bomb.md", zeros(200 * 1024 * 1024));
        entries.put("wiki/inner.zip", zip(Map.of("x.md", bytes("# X\n\ny"))));
        entries.put("wiki/disguised.md", zip(Map.of("y.md", bytes("# Y\n\nz"))));
        entries.put("wiki/blank.md", bytes("   \n\n  \n"));
        entries.put("wiki/dup.md", bytes("# One\n\nfirst"));
        entries.put("wiki/DUP.md", bytes("# Two\n\nsecond"));
        entries.put("archive/SOP-PRESS-v0.md", bytes("# Sneaky\n\nold"));
        entries.put("wiki/notes.docx", bytes("not a document type we read"));
        State before = state();

        ImportReport report = kb.importArchive(AUTHOR, "wiki.zip", zip(entries), Map.of("type", "training-guide"));

        Map<String, String> status = report.files().stream()
                .collect(Collectors.toMap(ImportReport.Item::file, ImportReport.Item::status, (a, b) -> a + "," + b, TreeMap::new));
        assertThat(status).containsOnlyKeys(entries.keySet());
        assertThat(status).containsEntry("wiki/bandsaw.md", "current").containsEntry("wiki/drill.html", "current")
                .containsEntry("wiki/taps.pdf", "current");
        assertThat(report.indexed()).isEqualTo(3);
        assertThat(report.refused()).isEqualTo(entries.size() - 3);
        assertThat(reason(report, "../../outside.md")).contains("out of the import");
        assertThat(reason(report, "wiki/../../../etc/cron.md")).contains("out of the import");
        assertThat(reason(report, "/abs/root.md")).contains("absolute");
        assertThat(reason(report, "bomb.md")).contains("expands beyond");
        assertThat(reason(report, "wiki/inner.zip")).contains("nested archives");
        assertThat(reason(report, "wiki/disguised.md")).contains("nested archives");
        assertThat(reason(report, "wiki/blank.md")).contains("no text");
        assertThat(reason(report, "wiki/dup.md")).contains("more than one file named");
        assertThat(reason(report, "wiki/DUP.md")).contains("more than one file named");
        assertThat(reason(report, "archive/SOP-PRESS-v0.md")).contains("superseded versions");
        assertThat(reason(report, "wiki/notes.docx")).contains("unsupported");

        State after = state();
        assertThat(after.documents()).containsAll(before.documents());
        assertThat(after.documents()).hasSize(before.documents().size() + 3);
        assertThat(after.files().keySet()).containsExactlyInAnyOrder("press.md", "wiki/bandsaw.md", "wiki/drill.html",
                "wiki/taps.pdf", "wiki/taps.pdf.meta.yaml", "wiki/bandsaw.md.meta.yaml", "wiki/drill.html.meta.yaml");
        assertThat(after.files().get("press.md")).isEqualTo(before.files().get("press.md"));
        assertThat(tmp.resolve("outside.md")).doesNotExist();
        assertThat(kb.document("bandsaw").info().type()).isEqualTo("training-guide");
        assertThat(kb.document("bandsaw").info().uncontrolled()).isTrue();
    }

    @Test
    void tenThousandTinyFilesAreRefusedAsAWholeAndNothingChanges() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            entries.put("tiny/f" + i + ".md", bytes("# T" + i + "\n\nx"));
        }
        State before = state();

        ImportReport report = kb.importArchive(AUTHOR, "tiny.zip", zip(entries), Map.of());

        assertThat(report.indexed()).isZero();
        assertThat(report.refused()).isEqualTo(10_000);
        assertThat(report.files()).allSatisfy(f -> assertThat(f.problems().get(0).message())
                .contains("holds 10000 files; one import takes at most 1000"));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aCorruptArchiveIsReportedAndAControlledDocumentInAnImportIsADraft() {
        ImportReport broken = kb.importArchive(AUTHOR, "broken.zip", bytes("PK\u0003\u0004 not really"), Map.of());
        assertThat(broken.files()).singleElement().satisfies(f -> assertThat(f.status()).isEqualTo("refused"));

        ImportReport report = kb.importArchive(AUTHOR, "sop.zip", zip(Map.of("press.md",
                bytes(Docs.markdown("SOP-PRESS", "2.0", "Press start-up", "## 1 Start\n\nCheck the oil level twice.")))), Map.of());
        assertThat(report.files()).singleElement().satisfies(f -> assertThat(f.status()).isEqualTo("draft"));
        assertThat(kb.document("SOP-PRESS").info().version()).isEqualTo("1.0");

        assertThatThrownBy(() -> kb.importArchive(AUTHOR, "x.zip", zip(Map.of("a.md", bytes("# A\n\nb"))), Map.of("id", "X")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("whole import");
    }

    @Test
    void aServerFolderIsImportedOnlyByAnAdministrator() throws IOException {
        Path wiki = tmp.resolve("wiki");
        Files.createDirectories(wiki.resolve("guides"));
        Files.writeString(wiki.resolve("guides/grinding.md"), "# Grinding\n\nDress the wheel before every shift.\n");
        Files.writeString(wiki.resolve("empty.md"), "\n");
        Files.createSymbolicLink(wiki.resolve("passwd.md"), Path.of("/etc/passwd"));

        assertThatThrownBy(() -> kb.importFolder(AUTHOR, wiki, Map.of())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> kb.importFolder(ADMIN, docs, Map.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> kb.importFolder(ADMIN, Path.of("relative"), Map.of())).isInstanceOf(InvalidInputException.class);

        ImportReport report = kb.importFolder(ADMIN, wiki, Map.of());

        assertThat(report.files()).extracting(ImportReport.Item::file, ImportReport.Item::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("empty.md", "refused"),
                org.assertj.core.groups.Tuple.tuple("guides/grinding.md", "current"),
                org.assertj.core.groups.Tuple.tuple("passwd.md", "refused"));
        assertThat(kb.section("grinding", "0")).get().extracting(Section::text).asString().contains("Dress the wheel");
    }

    private static String reason(ImportReport report, String file) {
        return report.files().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow()
                .problems().toString();
    }

    private static byte[] zeros(int n) {
        return new byte[n];
    }

    static byte[] zip(Map<String, byte[]> entries) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
            z.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record State(List<DocumentInfo> documents, int chunks, Map<String, Integer> files) {
    }

    private State state() {
        Map<String, Integer> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(docs)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                try {
                    files.put(docs.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8).hashCode());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new State(kb.documents(), kb.health().chunks(), files);
    }
}
