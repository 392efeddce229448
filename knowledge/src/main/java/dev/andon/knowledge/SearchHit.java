package dev.andon.knowledge;

/**
 * One section that matches a query. {@code section} is the section number as written in the document ("4.2"),
 * {@code sectionPath} the breadcrumb ("LOTO-PRESS-01 › 4 Isolation › 4.2 Isolate hydraulic energy"), {@code link} a
 * stable API link to the section. {@code uncontrolled} is true when the document has no owner and is not
 * safety-critical (typically a wiki page loaded as it is): the assistant says so when it cites it.
 * <p>
 * The retrieval evidence behind the rank, for deciding whether the documents cover a question at all:
 * {@code vectorSimilarity} is the cosine similarity of the question to the section's best chunk (0 when the vector
 * retriever did not return it), {@code bm25Rank} and {@code vectorRank} the 1-based rank of the section's best chunk in
 * each retriever's list (0 = not in that list).
 */
public record SearchHit(String documentId, String title, String type, String version, String section,
                        String sectionPath, String heading, String snippet, double score, String link,
                        boolean safetyCritical, boolean uncontrolled, double vectorSimilarity, int bm25Rank,
                        int vectorRank) {

    public SearchHit(String documentId, String title, String type, String version, String section, String sectionPath,
                     String heading, String snippet, double score, String link, boolean safetyCritical) {
        this(documentId, title, type, version, section, sectionPath, heading, snippet, score, link, safetyCritical,
                false, 0, 0, 0);
    }

    /** A hit whose control status is known but whose retrieval evidence is not. */
    public SearchHit(String documentId, String title, String type, String version, String section, String sectionPath,
                     String heading, String snippet, double score, String link, boolean safetyCritical,
                     boolean uncontrolled) {
        this(documentId, title, type, version, section, sectionPath, heading, snippet, score, link, safetyCritical,
                uncontrolled, 0, 0, 0);
    }

    /** The retriever's view: evidence known, control status filled in by the knowledge base. */
    public SearchHit(String documentId, String title, String type, String version, String section, String sectionPath,
                     String heading, String snippet, double score, String link, boolean safetyCritical,
                     double vectorSimilarity, int bm25Rank, int vectorRank) {
        this(documentId, title, type, version, section, sectionPath, heading, snippet, score, link, safetyCritical,
                false, vectorSimilarity, bm25Rank, vectorRank);
    }

    public SearchHit withUncontrolled(boolean value) {
        return value == uncontrolled ? this : new SearchHit(documentId, title, type, version, section, sectionPath,
                heading, snippet, score, link, safetyCritical, value, vectorSimilarity, bm25Rank, vectorRank);
    }

    /** Both retrievers put this section in their top {@code n}. */
    public boolean agreedWithin(int n) {
        return bm25Rank >= 1 && bm25Rank <= n && vectorRank >= 1 && vectorRank <= n;
    }
}
