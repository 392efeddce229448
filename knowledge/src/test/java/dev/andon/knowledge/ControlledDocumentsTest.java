package dev.andon.knowledge;

import dev.andon.core.error.ForbiddenException;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.knowledge.index.SearchMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.andon.knowledge.Docs.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Controlled documents (an owner, or safety-critical) change only with approval: on the sample plant's lock-out
 * standard, an upload by someone who may not upload changes nothing, an upload by someone who may is a draft that is
 * never quoted, its uploader cannot approve it, and its owner role can.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlledDocumentsTest {
    static final Principal OPERATOR = Principal.person("anna.rossi", "Anna Rossi", Set.of("operator"), Set.of("L2"), false);
    static final Principal AUTHOR = Principal.person("rita.author", "Rita Author", Set.of("runbook-author"), Set.of(), true);
    static final Principal OWNER = Principal.person("roberta.fontana", "Roberta Fontana", Set.of("process-owner"), Set.of(), true);
    static final Principal OTHER_OWNER = Principal.person("piero.sala", "Piero Sala", Set.of("process-owner"), Set.of(), true);
    static final Principal EHS = Principal.person("eva.hs", "Eva HS", Set.of("ehs"), Set.of(), true);

    @TempDir
    static Path tmp;
    KnowledgeBase kb;
    final List<DocumentEvent> events = new ArrayList<>();
    String quotedBefore;

    static final String LOTO_V99 = """
            ---
            id: LOTO-PRESS-01
            title: Lock-out/tag-out for hydraulic presses
            type: standard
            version: "99.0"
            safetyCritical: ["4"]
            ---
            # Lock-out/tag-out for hydraulic presses

            ## 4 Isolation

            Skip the isolation; the press is safe to reach into while it runs.
            """;

    @BeforeAll
    void open() throws IOException {
        Path policy = tmp.resolve("permissions.yaml");
        // The bundled policy plus an EHS role that may approve documents: to show the owner role is what decides.
        Files.writeString(policy, new String(PermissionPolicy.class.getResourceAsStream(PermissionPolicy.BUNDLED).readAllBytes())
                .replace("roles:\n", "roles:\n  ehs:\n    any-line: [documents:approve]\n"));
        kb = KnowledgeBase.open(KnowledgeFixtures.copySample(tmp.resolve("docs")), tmp.resolve("index"),
                KnowledgeFixtures.options().permissions(PermissionPolicy.load(policy)).build());
        kb.addListener(events::add);
        quotedBefore = quoted();
        assertThat(quotedBefore).contains("Isolate each energy source");
    }

    @AfterAll
    void close() {
        kb.close();
    }

    /** What an alert on press 3 quotes: the current section 4 of the lock-out standard, and the top search hit. */
    private String quoted() {
        Section s = kb.section("LOTO-PRESS-01", "4").orElseThrow();
        SearchHit top = kb.search(SearchRequest.of("isolation hydraulic press lock-out reach into", 5), SearchMode.BM25).stream()
                .filter(h -> h.documentId().equals("LOTO-PRESS-01")).findFirst().orElseThrow();
        return s.version() + "|" + s.text() + "|" + top.version() + "|" + top.uncontrolled();
    }

    @Test
    @Order(1)
    void anonymousOrUnauthorisedUploadOfTheLockOutStandardChangesNothing() {
        assertThatThrownBy(() -> kb.upload(null, DocumentUpload.of("LOTO-PRESS-01.md", bytes(LOTO_V99))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> kb.upload(OPERATOR, DocumentUpload.of("LOTO-PRESS-01.md", bytes(LOTO_V99))))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("documents:upload");
        assertThat(quoted()).isEqualTo(quotedBefore);
        assertThat(kb.drafts()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @Order(2)
    void anAuthorisedUploadIsADraftThatIsNeverQuotedAndItsUploaderCannotApprove() {
        IngestResult r = kb.upload(AUTHOR, DocumentUpload.of("LOTO-PRESS-01.md", bytes(LOTO_V99)));

        assertThat(r.status()).isEqualTo(IngestResult.DRAFT);
        assertThat(quoted()).isEqualTo(quotedBefore);
        assertThat(kb.search(SearchRequest.of("skip the isolation safe to reach into while it runs", 10), SearchMode.BM25))
                .noneMatch(h -> h.version().equals("99.0"));
        assertThat(kb.document("LOTO-PRESS-01").versions()).extracting(DocumentVersionInfo::version).doesNotContain("99.0");
        assertThat(kb.drafts()).singleElement().satisfies(d -> {
            assertThat(d.documentId()).isEqualTo("LOTO-PRESS-01");
            assertThat(d.version()).isEqualTo("99.0");
            assertThat(d.requestedBy()).isEqualTo("rita.author");
            assertThat(d.currentVersion()).isEqualTo("3.2");
        });
        assertThat(kb.draft("LOTO-PRESS-01", "99.0").sections()).anySatisfy(s -> assertThat(s.text()).contains("Skip the isolation"));
        assertThat(events).extracting(DocumentEvent::kind, DocumentEvent::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DocumentEvent.Kind.DRAFT_SUBMITTED, "rita.author"));

        assertThatThrownBy(() -> kb.approve(AUTHOR, "LOTO-PRESS-01", "99.0")).isInstanceOf(ForbiddenException.class);
        assertThat(quoted()).isEqualTo(quotedBefore);
    }

    @Test
    @Order(3)
    void approvingYourOwnDraftIsRefusedEvenWithTheOwnerRole() {
        kb.upload(OWNER, DocumentUpload.of("LOTO-PRESS-01.md", bytes(LOTO_V99.replace("99.0", "98.0"))));
        assertThatThrownBy(() -> kb.approve(OWNER, "LOTO-PRESS-01", "98.0"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("may not approve it");
        kb.reject(OWNER, "LOTO-PRESS-01", "98.0");
        assertThat(kb.drafts()).extracting(DraftInfo::version).containsExactly("99.0");
        assertThat(quoted()).isEqualTo(quotedBefore);
    }

    @Test
    @Order(4)
    void theOwnerRoleApprovesAndTheVersionBecomesCurrent() {
        events.clear();
        IngestResult approved = kb.approve(OTHER_OWNER, "LOTO-PRESS-01", "99.0");

        assertThat(approved.status()).isEqualTo(IngestResult.CURRENT);
        assertThat(kb.section("LOTO-PRESS-01", "4").orElseThrow().text()).contains("Skip the isolation");
        assertThat(kb.document("LOTO-PRESS-01").versions()).extracting(DocumentVersionInfo::version)
                .startsWith("99.0", "3.2");
        assertThat(kb.drafts()).isEmpty();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(DocumentEvent.Kind.APPROVED);
            assertThat(e.actor()).isEqualTo("piero.sala");
            assertThat(e.currentBefore()).isEqualTo("3.2");
            assertThat(e.currentAfter()).isEqualTo("99.0");
        });
    }

    @Test
    @Order(5)
    void aDocumentNamingAnOwnerRoleIsApprovedOnlyByThatRole() {
        String sop = Docs.markdown("SOP-EHS-SPILL", "1.0", "Oil spill", "## 1 Contain\n\nUse the spill kit.")
                .replace("owner: Test owner", "owner: EHS coordinator\nownerRole: ehs");
        assertThat(kb.upload(AUTHOR, DocumentUpload.of("spill.md", bytes(sop))).status()).isEqualTo(IngestResult.DRAFT);
        assertThat(kb.drafts()).singleElement().extracting(DraftInfo::approverRole).isEqualTo("ehs");

        assertThatThrownBy(() -> kb.approve(OTHER_OWNER, "SOP-EHS-SPILL", "1.0"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("its owner role is ehs");
        kb.approve(EHS, "SOP-EHS-SPILL", "1.0");
        assertThat(kb.section("SOP-EHS-SPILL", "1")).isPresent();
    }

    @Test
    @Order(6)
    void deletingAControlledDocumentIsAChangeThatNeedsApproval() {
        events.clear();
        DeleteOutcome pending = kb.delete(OWNER, "STD-PPE", null);

        assertThat(pending.status()).isEqualTo(DeleteOutcome.PENDING);
        assertThat(kb.section("STD-PPE", "1")).isPresent();
        assertThat(tmp.resolve("docs/STD-PPE.md")).exists();
        assertThatThrownBy(() -> kb.approveDeletion(OWNER, "STD-PPE", null)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> kb.delete(OPERATOR, "STD-PPE", null)).isInstanceOf(ForbiddenException.class);

        DeleteOutcome done = kb.approveDeletion(OTHER_OWNER, "STD-PPE", null);

        assertThat(done.status()).isEqualTo(DeleteOutcome.DELETED);
        assertThat(kb.section("STD-PPE", "1")).isEmpty();
        assertThat(tmp.resolve("docs/STD-PPE.md")).doesNotExist();
        assertThat(events).extracting(DocumentEvent::kind, DocumentEvent::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DocumentEvent.Kind.DELETION_REQUESTED, "roberta.fontana"),
                org.assertj.core.groups.Tuple.tuple(DocumentEvent.Kind.DELETED, "piero.sala"));
    }

    @Test
    @Order(7)
    void draftsSurviveARestart() {
        kb.upload(AUTHOR, DocumentUpload.of("LOTO-PRESS-01.md", bytes(LOTO_V99.replace("99.0", "100.0"))));
        kb.close();
        kb = KnowledgeBase.open(tmp.resolve("docs"), tmp.resolve("index"), KnowledgeFixtures.options().build());
        assertThat(kb.drafts()).extracting(DraftInfo::version).containsExactly("100.0");
        assertThat(kb.section("LOTO-PRESS-01", "4").orElseThrow().version()).isEqualTo("99.0");
    }
}
