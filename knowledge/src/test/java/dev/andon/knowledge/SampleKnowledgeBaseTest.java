package dev.andon.knowledge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled sample knowledge base, read through the same path as a user's folder. */
class SampleKnowledgeBaseTest {
    @TempDir
    static Path tmp;
    static KnowledgeBase kb;

    @BeforeAll
    static void open() {
        kb = KnowledgeBase.open(KnowledgeFixtures.copySample(tmp.resolve("docs")), tmp.resolve("index"),
                KnowledgeFixtures.options()
                        .knownPlant(Set.of("operator", "team-leader", "maintenance", "quality", "process-owner", "trainer"),
                                Set.of("L1", "L2"),
                                Set.of("feeder-1", "robot-2", "vision-4", "pack-5", "coil-1", "press-3", "station-4", "vision-5"))
                        .build());
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    @Test
    void wholeSampleIngestsWithoutAnyFailure() {
        assertThat(kb.failedIngests()).isEmpty();
        assertThat(kb.health().status()).isEqualTo("UP");
    }

    @Test
    void sampleHasTensOfDocumentsOfEveryTypeOnBothLinesInThreeLanguages() {
        assertThat(kb.documents()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(kb.documents()).extracting(DocumentInfo::type).contains("standard", "sop", "work-instruction",
                "playbook", "training-guide");
        assertThat(kb.documents()).flatExtracting(DocumentInfo::lines).contains("L1", "L2");
        assertThat(kb.documents()).extracting(DocumentInfo::language).contains("en", "it", "de");
    }

    @Test
    void sampleHoldsASupersededVersionAndAnOverdueReview() {
        DocumentDetail toolWear = kb.document("SOP-TOOL-WEAR");
        assertThat(toolWear.info().version()).isEqualTo("2.0");
        assertThat(toolWear.versions()).extracting(DocumentVersionInfo::version, DocumentVersionInfo::status)
                .containsExactly(org.assertj.core.api.Assertions.tuple("2.0", "current"),
                        org.assertj.core.api.Assertions.tuple("1.0", "superseded"));
        assertThat(kb.documents().stream().filter(DocumentInfo::reviewOverdue).map(DocumentInfo::id)
                .collect(Collectors.toSet())).containsExactly("STD-5S");
    }

    @Test
    void samplePdfIsReadFromItsTextLayerWithSidecarMetadata() {
        DocumentDetail pdf = kb.document("WI-L2-HU3-FILTER");
        assertThat(pdf.format()).isEqualTo("PDF");
        assertThat(pdf.info().sections()).contains("1", "2", "3", "4", "5");
        Section change = kb.section("WI-L2-HU3-FILTER", "4").orElseThrow();
        assertThat(change.heading()).isEqualTo("Change the element");
        assertThat(change.text()).contains("1. Place the drip tray").contains("7. Close the vent screw.");
        assertThat(kb.section("WI-L2-HU3-FILTER", "3").orElseThrow().safetyCritical()).isTrue();
    }

    @Test
    void sampleHtmlIsReadFromItsMetaTags() {
        DocumentDetail html = kb.document("TG-TEAM-LEADER-ANDON");
        assertThat(html.info().type()).isEqualTo("training-guide");
        assertThat(kb.section("TG-TEAM-LEADER-ANDON", "1").orElseThrow().text())
                .contains("1. Open the line page").contains("5. Resolve the alert");
    }

    /** Every (document, section) the sample runbooks cite (the CATALOGUE), with its heading. */
    @ParameterizedTest(name = "{0} §{1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SOP-L2-PRESS-VIB | 3 | First checks by the operator
            SOP-L2-PRESS-VIB | 3.1 | Confirm the reading on the HMI
            SOP-L2-PRESS-VIB | 3.2 | Inspect for loose die clamps and abnormal noise
            SOP-L2-PRESS-VIB | 4 | Stop and secure the press
            SOP-L2-PRESS-VIB | 4.1 | Stop the press at top dead centre
            SOP-L2-PRESS-VIB | 4.2 | Lock out and tag out
            SOP-L2-PRESS-VIB | 5 | Maintenance diagnosis
            SOP-L2-PRESS-VIB | 5.1 | Check die clamping and bolster
            SOP-L2-PRESS-VIB | 5.2 | Check hydraulic pump and motor bearings
            SOP-L2-PRESS-VIB | 6 | Restart and record
            LOTO-PRESS-01 | 4 | Isolation
            LOTO-PRESS-01 | 4.1 | Isolate electrical energy
            LOTO-PRESS-01 | 4.2 | Isolate hydraulic energy
            LOTO-PRESS-01 | 4.3 | Block the ram against gravity
            LOTO-PRESS-01 | 5 | Verify zero energy
            LOTO-PRESS-01 | 6 | Remove locks and restore
            PB-VERIFY-LOW-CONFIDENCE | 2 | Manual check before acting
            PB-VERIFY-LOW-CONFIDENCE | 3 | Record the outcome
            PB-MODEL-SILENT | 2 | Switch to manual inspection rounds
            PB-MODEL-SILENT | 3 | Inform the model owner
            SOP-QUALITY-HOLD | 3 | Contain suspect parts
            SOP-QUALITY-HOLD | 4 | Place a quality hold
            SOP-QUALITY-HOLD | 5 | Release or scrap
            SOP-HYDRAULIC-PRESSURE | 3 | Check oil level and leaks
            SOP-HYDRAULIC-PRESSURE | 4 | Check pump and relief valve
            SOP-TEMP-DRIFT | 3 | Check cooling and lubrication
            SOP-TEMP-DRIFT | 4 | Reduce load or stop
            SOP-TOOL-WEAR | 3 | Measure wear
            SOP-TOOL-WEAR | 4 | Plan the tool change
            SOP-ROBOT-WELD-L1 | 3 | Check the torch and wire feed
            SOP-ROBOT-WELD-L1 | 4 | Check the servo axes
            PB-FLOW-STOPPAGE | 2 | Find the cause station
            PB-FLOW-STOPPAGE | 3 | Restore flow
            SOP-ANDON-CORD | 2 | Respond at the station
            SOP-ANDON-CORD | 3 | Fix, escalate or stop
            STD-ESCALATION | 2 | Escalation levels
            STD-ESCALATION | 3 | On-call
            SOP-POWER-RISK | 3 | Check the drive and supply
            SOP-POWER-RISK | 4 | Controlled stop
            """)
    void everyCitedSectionResolves(String id, String number, String heading) {
        Section s = kb.section(id, number).orElseThrow(() -> new AssertionError(id + " §" + number + " missing"));
        assertThat(s.heading()).isEqualTo(heading);
        assertThat(s.text()).isNotBlank();
        assertThat(s.link()).startsWith("/api/knowledge/documents/" + id + "/sections/" + number);
    }

    @Test
    void catalogueDocumentsHaveTheirTypesLinesAndRoles() {
        assertThat(kb.document("LOTO-PRESS-01").info().type()).isEqualTo("standard");
        assertThat(kb.document("SOP-L2-PRESS-VIB").info().stations()).containsExactly("press-3");
        assertThat(kb.document("SOP-ROBOT-WELD-L1").info().lines()).containsExactly("L1");
        assertThat(kb.document("WI-L2-PRESS3-DIE-CHANGE").info().type()).isEqualTo("work-instruction");
        assertThat(kb.document("TG-L2-OPERATOR").info().type()).isEqualTo("training-guide");
        assertThat(kb.document("TG-L1-OPERATOR").info().lines()).containsExactly("L1");
        assertThat(kb.document("SOP-POWER-RISK").info().roles()).containsExactly("maintenance");
    }

    @Test
    void lotoSectionsFourToSixAreSafetyCriticalAndQuotedWhole() {
        for (String n : new String[]{"4", "4.1", "4.2", "4.3", "5", "6"}) {
            assertThat(kb.section("LOTO-PRESS-01", n).orElseThrow().safetyCritical()).as(n).isTrue();
        }
        assertThat(kb.section("LOTO-PRESS-01", "3").orElseThrow().safetyCritical()).isFalse();
        Section isolation = kb.section("LOTO-PRESS-01", "4").orElseThrow();
        assertThat(isolation.text()).contains("4.1 Isolate electrical energy", "4.2 Isolate hydraulic energy",
                "4.3 Block the ram against gravity", "Open the accumulator dump valve V-7");
    }

    @Test
    void hydraulicIsolationQuestionFindsTheLotoHydraulicSection() {
        var hits = kb.search(SearchRequest.of("how do I isolate hydraulic energy on the press", 5));
        assertThat(hits.get(0).documentId()).isEqualTo("LOTO-PRESS-01");
        assertThat(hits.get(0).section()).isEqualTo("4.2");
        assertThat(hits.get(0).sectionPath()).isEqualTo("LOTO-PRESS-01 › 4 Isolation › 4.2 Isolate hydraulic energy");
        assertThat(hits.get(0).safetyCritical()).isTrue();
        assertThat(hits.get(0).snippet()).contains("<mark>");
    }
}
