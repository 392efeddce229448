package dev.andon.knowledge;

import dev.andon.core.audit.AuditQuery;
import dev.andon.core.audit.AuditRecord;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.identity.Principal;
import dev.andon.core.json.AndonJson;
import dev.andon.core.store.AndonDatabase;
import dev.andon.knowledge.index.SearchMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static dev.andon.knowledge.Docs.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A document change and its audit record are one transaction: both happen or neither, in the running service and
 * across a crash at the worst moment (just before or just after the store's commit), on the sample plant's documents.
 */
class DocumentChangeCommitTest {
    static final Principal AUTHOR = Principal.person("rita.author", "Rita Author", Set.of("runbook-author"), Set.of(), true);

    @TempDir
    Path tmp;
    AndonDatabase db;
    AuditTrail audit;
    KnowledgeBase kb;

    static String note(String version, String text) {
        return """
                ---
                id: PRESS-NOTES
                title: Press line notes
                type: work-instruction
                version: "%s"
                ---
                # Press line notes

                ## 1 Die change

                %s
                """.formatted(version, text);
    }

    @BeforeEach
    void open() {
        db = AndonDatabase.open(tmp.resolve("data"));
        audit = new AuditTrail(db, AndonJson.newMapper(), KnowledgeFixtures.CLOCK);
        kb = KnowledgeBase.open(KnowledgeFixtures.copySample(tmp.resolve("docs")), tmp.resolve("index"),
                KnowledgeFixtures.options().build(), new AuditedDocumentChanges(db, audit));
        kb.upload(AUTHOR, DocumentUpload.of("press-notes.md", bytes(note("1", "Clamp the lower die with the blue wrench."))));
    }

    @AfterEach
    void close() {
        kb.close();
        db.close();
    }

    @Test
    void anUploadCommitsWithItsAuditRecord() {
        long before = audit.count();

        kb.upload(AUTHOR, DocumentUpload.of("press-notes.md", bytes(note("2", "Clamp the lower die with the torque gun."))));

        assertThat(audit.count()).isEqualTo(before + 1);
        AuditRecord last = latest(audit);
        assertThat(last.actor()).isEqualTo("rita.author");
        assertThat(last.action()).isEqualTo("document:uploaded");
        assertThat(last.object()).isEqualTo("PRESS-NOTES@2");
        assertThat(last.before().get("current").asText()).isEqualTo("1");
        assertThat(audit.verify().intact()).isTrue();
        assertThat(tmp.resolve("docs").resolve(KnowledgeBase.STAGING)).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void whenTheStoreCannotCommitTheUploadIsUndoneAndNothingIsRecorded() throws IOException {
        long before = audit.count();
        db.failCommits("No space left on device");

        assertThatThrownBy(() -> kb.upload(AUTHOR, DocumentUpload.of("press-notes.md",
                bytes(note("2", "Clamp the lower die with the torque gun.")))));

        assertThat(audit.count()).isEqualTo(before);
        assertOnlyVersionOne(kb, tmp.resolve("docs"));
        db.failCommits(null);
        kb.upload(AUTHOR, DocumentUpload.of("press-notes.md", bytes(note("2", "Clamp the lower die with the torque gun."))));
        assertThat(kb.document("PRESS-NOTES").info().version()).isEqualTo("2");
        assertThat(audit.count()).isEqualTo(before + 1);
    }

    @Test
    void aCrashJustBeforeTheCommitLeavesTheOldVersionAtTheNextStart() {
        Path crash = tmp.resolve("crash");
        try (KnowledgeBase dying = reopenWith(commitPoint(crash, false))) {
            assertThatThrownBy(() -> dying.upload(AUTHOR, DocumentUpload.of("press-notes.md",
                    bytes(note("2", "Clamp the lower die with the torque gun.")))));
        }
        // The folder and index as the killed process left them, and its store (which never saw the commit).
        try (AndonDatabase afterDb = AndonDatabase.open(crash.resolve("data"));
             KnowledgeBase after = KnowledgeBase.open(crash.resolve("docs"), crash.resolve("index"),
                     KnowledgeFixtures.options().build(), new AuditedDocumentChanges(afterDb, new AuditTrail(afterDb,
                             AndonJson.newMapper(), KnowledgeFixtures.CLOCK)))) {
            assertOnlyVersionOne(after, crash.resolve("docs"));
            AuditTrail afterAudit = new AuditTrail(afterDb, AndonJson.newMapper(), KnowledgeFixtures.CLOCK);
            assertThat(afterAudit.query(new AuditQuery(null, null, null, null, 10_000)).stream().map(AuditRecord::object)).doesNotContain("PRESS-NOTES@2");
        }
    }

    @Test
    void aCrashJustAfterTheCommitKeepsTheNewVersionAndItsOneAuditRecord() throws IOException {
        Path crash = tmp.resolve("crash");
        try (KnowledgeBase dying = reopenWith(commitPoint(crash, true))) {
            assertThatThrownBy(() -> dying.upload(AUTHOR, DocumentUpload.of("press-notes.md",
                    bytes(note("2", "Clamp the lower die with the torque gun.")))));
        }
        try (AndonDatabase afterDb = AndonDatabase.open(crash.resolve("data"))) {
            AuditTrail afterAudit = new AuditTrail(afterDb, AndonJson.newMapper(), KnowledgeFixtures.CLOCK);
            try (KnowledgeBase after = KnowledgeBase.open(crash.resolve("docs"), crash.resolve("index"),
                    KnowledgeFixtures.options().build(), new AuditedDocumentChanges(afterDb, afterAudit))) {
                assertThat(after.document("PRESS-NOTES").info().version()).isEqualTo("2");
                assertThat(Files.readString(crash.resolve("docs/press-notes.md"))).contains("torque gun");
                assertThat(after.search(SearchRequest.of("clamp lower die torque gun", 3), SearchMode.BM25))
                        .first().satisfies(h -> assertThat(h.version()).isEqualTo("2"));
                assertThat(afterAudit.query(new AuditQuery(null, null, null, null, 10_000)).stream().map(AuditRecord::object)
                        .filter("PRESS-NOTES@2"::equals)).hasSize(1);
                assertThat(afterAudit.verify().intact()).isTrue();
                assertThat(crash.resolve("docs").resolve(KnowledgeBase.STAGING)).isEmptyDirectory();
            }
        }
    }

    /** The service's knowledge base again, its commit point replaced by {@code log} (the store stays the same). */
    private KnowledgeBase reopenWith(DocumentChangeLog log) {
        kb.close();
        return KnowledgeBase.open(tmp.resolve("docs"), tmp.resolve("index"), KnowledgeFixtures.options().build(), log);
    }

    /**
     * The commit point of a process killed at it: {@code reached} false copies the folders as they stand just before
     * the store's commit; true lets the commit happen, then copies. Either way the process "dies" (throws) there.
     */
    private DocumentChangeLog commitPoint(Path crash, boolean reached) {
        AuditedDocumentChanges real = new AuditedDocumentChanges(db, audit);
        return new DocumentChangeLog() {
            @Override
            public void commit(String changeId, List<DocumentEvent> events) {
                if (reached) {
                    real.commit(changeId, events);
                }
                KnowledgeFixtures.copyTree(tmp.resolve("docs"), crash.resolve("docs"));
                KnowledgeFixtures.copyTree(tmp.resolve("index"), crash.resolve("index"));
                KnowledgeFixtures.copyTree(tmp.resolve("data"), crash.resolve("data"));
                throw new IllegalStateException("killed at the commit point");
            }

            @Override
            public boolean committed(String changeId) {
                return real.committed(changeId);
            }

            @Override
            public void forgetCommitted() {
                real.forgetCommitted();
            }
        };
    }

    private static void assertOnlyVersionOne(KnowledgeBase kb, Path docs) {
        assertThat(kb.document("PRESS-NOTES").info().version()).isEqualTo("1");
        assertThat(kb.document("PRESS-NOTES").versions()).extracting(DocumentVersionInfo::version).containsExactly("1");
        try {
            assertThat(Files.readString(docs.resolve("press-notes.md"))).contains("blue wrench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(docs.resolve("archive")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isDirectoryNotContaining("glob:**PRESS-NOTES*"));
        assertThat(kb.search(SearchRequest.of("clamp lower die torque gun", 5), SearchMode.BM25))
                .noneMatch(h -> h.documentId().equals("PRESS-NOTES") && h.version().equals("2"));
        assertThat(docs.resolve(KnowledgeBase.STAGING)).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isEmptyDirectory());
    }

    private static AuditRecord latest(AuditTrail audit) {
        return audit.query(new AuditQuery(null, null, null, null, 10_000)).get(0);
    }
}
