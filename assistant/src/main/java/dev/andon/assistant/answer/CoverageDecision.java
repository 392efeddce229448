package dev.andon.assistant.answer;

import dev.andon.knowledge.SearchHit;

import java.util.List;

/**
 * Whether the approved documents cover a question, decided from the retrieval evidence of the best hit rather than
 * from the question's literal words: how close the question is in meaning to the section (the sentence-embedding
 * cosine of its best chunk), whether BM25 and the vectors agree on it, and how much of the question's content the
 * section shares (stems, so "grinding" meets "grinder").
 * <p>
 * The weights and the threshold were chosen on the dev half of both labelled sets (sample plant and the public-domain
 * regulations) and are reported on the test half: see docs/knowledge.md, "Refusal from evidence".
 */
public final class CoverageDecision {
    /** Shipped threshold on {@link #score}; chosen on dev (docs/knowledge.md shows the trade-off). */
    public static final double THRESHOLD = 0.48;
    static final double AGREEMENT_BONUS = 0.08;
    static final double LEXICAL_WEIGHT = 0.25;

    private final double threshold;

    public CoverageDecision(double threshold) {
        this.threshold = threshold;
    }

    public static CoverageDecision shipped() {
        return new CoverageDecision(THRESHOLD);
    }

    public double threshold() {
        return threshold;
    }

    /**
     * Evidence that {@code hit} answers a question with content words {@code terms}; {@code sectionText} is what the
     * section says (title, heading and body).
     */
    public static double score(SearchHit hit, List<String> terms, String sectionText) {
        double lexical = terms.isEmpty() ? 0 : QueryTerms.coverage(terms, sectionText);
        return hit.vectorSimilarity() + (hit.agreedWithin(3) ? AGREEMENT_BONUS : 0) + LEXICAL_WEIGHT * lexical;
    }

    public boolean covers(double score) {
        return score >= threshold;
    }
}
