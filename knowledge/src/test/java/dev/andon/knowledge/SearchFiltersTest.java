package dev.andon.knowledge;

import dev.andon.knowledge.index.SearchMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Search over the sample knowledge base: filters, languages, hit shape. */
class SearchFiltersTest {
    @TempDir
    static Path tmp;
    static KnowledgeBase kb;

    @BeforeAll
    static void open() {
        kb = KnowledgeBase.open(KnowledgeFixtures.copySample(tmp.resolve("docs")), tmp.resolve("index"),
                KnowledgeFixtures.options().build());
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    private static List<SearchHit> search(String q, String role, String line, String station, String type, String lang) {
        return kb.search(new SearchRequest(q, role, line, station, type, lang, 20));
    }

    @Test
    void roleFilterKeepsDocumentsForThatRoleAndDocumentsForEveryone() {
        List<SearchHit> hits = search("change the filter element of the hydraulic unit", "operator", null, null, null, null);
        assertThat(hits).isNotEmpty();
        assertThat(hits).extracting(SearchHit::documentId).doesNotContain("WI-L2-HU3-FILTER", "SOP-POWER-RISK",
                "TG-MAINTENANCE-HYDRAULICS", "WI-L1-ROBOT2-WARTUNG-DE");
        assertThat(hits).allSatisfy(h -> {
            DocumentInfo d = kb.document(h.documentId()).info();
            assertThat(d.roles().isEmpty() || d.roles().contains("operator")).as(h.documentId()).isTrue();
        });
        assertThat(search("change the filter element of the hydraulic unit", "maintenance", null, null, null, null).get(0).documentId())
                .isEqualTo("WI-L2-HU3-FILTER");
        assertThat(search("safety shoes and hearing protection", "quality", null, null, null, null))
                .extracting(SearchHit::documentId).contains("STD-PPE");
    }

    @Test
    void lineAndStationFiltersKeepDocumentsForThatPlaceAndPlantWideOnes() {
        List<SearchHit> l1 = search("how do I change a worn tool", null, "L1", null, null, null);
        assertThat(l1).isNotEmpty().allSatisfy(h -> {
            List<String> lines = kb.document(h.documentId()).info().lines();
            assertThat(lines.isEmpty() || lines.contains("L1")).as(h.documentId()).isTrue();
        });
        assertThat(l1).extracting(SearchHit::documentId).doesNotContain("WI-L2-PRESS3-DIE-CHANGE");
        List<SearchHit> press = search("inspection and checks at start of shift", null, null, "press-3", null, null);
        assertThat(press).extracting(SearchHit::documentId).doesNotContain("WI-L1-VISION4-CALIBRATION", "WI-L1-PACK5-LABEL");
    }

    @Test
    void typeFilterReturnsOnlyThatType() {
        assertThat(search("what to do first", null, null, null, "playbook", null))
                .isNotEmpty().allSatisfy(h -> assertThat(h.type()).isEqualTo("playbook"));
        assertThat(search("onboarding for new operators", null, null, null, "training-guide", null))
                .isNotEmpty().allSatisfy(h -> assertThat(h.type()).isEqualTo("training-guide"));
    }

    @Test
    void anItalianQuestionFindsTheItalianDocument() {
        SearchHit top = kb.search(SearchRequest.of("come si controlla la pressione della centralina idraulica prima di avviare la pressa", 3)).get(0);
        assertThat(top.documentId()).isEqualTo("WI-L2-PRESS3-AVVIO-IT");
        assertThat(top.section()).isEqualTo("3");
        List<SearchHit> onlyItalian = search("olio sul pavimento", null, null, null, null, "it");
        assertThat(onlyItalian).isNotEmpty().allSatisfy(h -> assertThat(kb.document(h.documentId()).info().language()).isEqualTo("it"));
        assertThat(onlyItalian.get(0).documentId()).isEqualTo("PB-SVERSAMENTO-OLIO-IT");
    }

    @Test
    void aGermanQuestionFindsTheGermanDocument() {
        SearchHit top = kb.search(SearchRequest.of("Drahtvorschub und Schutzgas am Brenner prüfen", 3)).get(0);
        assertThat(top.documentId()).isEqualTo("WI-L1-ROBOT2-WARTUNG-DE");
        assertThat(top.section()).isEqualTo("3");
    }

    @Test
    void hitsCarryDocumentVersionSectionPathSnippetScoreAndLink() {
        SearchHit hit = kb.search(SearchRequest.of("block the ram with safety blocks", 1)).get(0);
        assertThat(hit.documentId()).isEqualTo("LOTO-PRESS-01");
        assertThat(hit.title()).isEqualTo("Lock-out/tag-out for hydraulic presses");
        assertThat(hit.type()).isEqualTo("standard");
        assertThat(hit.version()).isEqualTo("3.2");
        assertThat(hit.section()).isEqualTo("4.3");
        assertThat(hit.heading()).isEqualTo("Block the ram against gravity");
        assertThat(hit.sectionPath()).isEqualTo("LOTO-PRESS-01 › 4 Isolation › 4.3 Block the ram against gravity");
        assertThat(hit.snippet()).contains("<mark>");
        assertThat(hit.score()).isPositive();
        assertThat(hit.link()).isEqualTo("/api/knowledge/documents/LOTO-PRESS-01/sections/4.3?version=3.2");
        assertThat(hit.safetyCritical()).isTrue();
    }

    @Test
    void everyModeReturnsAtMostOneHitPerSection() {
        for (SearchMode mode : SearchMode.values()) {
            List<SearchHit> hits = kb.search(SearchRequest.of("press", 20), mode);
            assertThat(hits).as(mode.name()).hasSizeLessThanOrEqualTo(20)
                    .extracting(h -> h.documentId() + "§" + h.section()).doesNotHaveDuplicates();
        }
    }

    @Test
    void snippetsAreHtmlEscaped() {
        SearchHit hit = kb.search(SearchRequest.of("torque values for the die clamp bolts", 1)).get(0);
        assertThat(hit.snippet()).doesNotContain("<script").doesNotContainPattern("<(?!/?mark>)");
    }
}
