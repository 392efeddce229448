package dev.andon.assistant.answer;

import dev.andon.knowledge.DocumentInfo;
import dev.andon.knowledge.KnowledgeSearch;
import dev.andon.knowledge.SearchHit;
import dev.andon.knowledge.SearchRequest;
import dev.andon.knowledge.Section;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which sections cover a question, from the evidence of the search's first hits. With fewer than ten hits the
 * background is 0, so a hit's score is twice its cosine (plus the lexical share, 0 here: the question's words are
 * in no section).
 */
class CoveringSectionsTest {
    private static final String QUESTION = "Wie prüfe ich den Werkzeugmittelpunkt";

    @Test
    void aStrongHitJustBelowAWeakFirstOneLeadsTheAnswer() {
        KnowledgeAnswerer answerer = answererOver(hit("WI-ROBOT", "2", 0.20), hit("WI-ROBOT-DE", "4", 0.45));
        assertThat(answerer.coveringSections(QUESTION, null, null, null, List.of(), 3))
                .extracting(Section::documentId).containsExactly("WI-ROBOT-DE");
    }

    @Test
    void belowAWeakFirstHitOnlyStrongEvidenceCovers() {
        // 2 × 0.33 = 0.66 clears the threshold for a first hit, not the stricter bar for one ranked below it
        KnowledgeAnswerer answerer = answererOver(hit("WI-ROBOT", "2", 0.20), hit("WI-ROBOT-DE", "4", 0.33));
        assertThat(answerer.coveringSections(QUESTION, null, null, null, List.of(), 3)).isEmpty();
    }

    @Test
    void onlyTheFirstFewHitsMayLead() {
        KnowledgeAnswerer answerer = answererOver(hit("A", "1", 0.20), hit("B", "1", 0.20), hit("C", "1", 0.20),
                hit("D", "1", 0.45));
        assertThat(answerer.coveringSections(QUESTION, null, null, null, List.of(), 3)).isEmpty();
    }

    @Test
    void aDocumentsPurposeSectionDoesNotLeadAnAnswerAboutOneOfItsSteps() {
        KnowledgeAnswerer answerer = answererOver(Map.of("1", "Purpose", "5", "Release or scrap"),
                hit("SOP-HOLD", "1", 0.50), hit("SOP-HOLD", "5", 0.45));
        assertThat(answerer.coveringSections("who is allowed to release parts from a hold", null, null, null, List.of(), 3))
                .extracting(Section::section).containsExactly("5", "1");
    }

    @Test
    void aQuestionAboutWhatADocumentCoversIsAnsweredFromItsScope() {
        KnowledgeAnswerer answerer = answererOver(Map.of("1", "Scope", "5", "Release or scrap"),
                hit("SOP-HOLD", "1", 0.50), hit("SOP-HOLD", "5", 0.45));
        assertThat(answerer.coveringSections("does the hold procedure cover bought-in parts", null, null, null, List.of(), 3))
                .extracting(Section::section).containsExactly("1", "5");
    }

    @Test
    void aPurposeSectionStillLeadsWhenNoOtherSectionOfItsDocumentCovers() {
        KnowledgeAnswerer answerer = answererOver(Map.of("1", "Purpose"), hit("SOP-HOLD", "1", 0.50), hit("STD-PPE", "2", 0.45));
        assertThat(answerer.coveringSections("who is allowed to release parts from a hold", null, null, null, List.of(), 3))
                .extracting(Section::documentId).containsExactly("SOP-HOLD", "STD-PPE");
    }

    private static SearchHit hit(String doc, String section, double cosine) {
        return new SearchHit(doc, doc + " title", "work-instruction", "1", section, doc + " › " + section, "Heading " + section,
                "", 0.3, "/api/knowledge/documents/" + doc, false, false, cosine, 1, 1);
    }

    private static KnowledgeAnswerer answererOver(SearchHit... hits) {
        return answererOver(Map.of(), hits);
    }

    /** {@code headings}: section number → heading; "Heading n" otherwise. */
    private static KnowledgeAnswerer answererOver(Map<String, String> headings, SearchHit... hits) {
        KnowledgeSearch search = new KnowledgeSearch() {
            @Override
            public List<SearchHit> search(SearchRequest request) {
                return List.of(hits);
            }

            @Override
            public Optional<Section> section(String documentId, String section) {
                return Optional.of(new Section(documentId, documentId + " title", "work-instruction", "1", section,
                        documentId + " › " + section, headings.getOrDefault(section, "Heading " + section), "Check the tool centre point with the gauge.",
                        false, List.of(), List.of(), List.of(), "en", "/api/knowledge/documents/" + documentId));
            }

            @Override
            public List<DocumentInfo> documents() {
                return List.of();
            }
        };
        return new KnowledgeAnswerer(search, new SourceQuotes(search), null);
    }
}
