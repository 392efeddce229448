package dev.andon.knowledge;

import java.util.List;
import java.util.Optional;

/** What other modules need from the knowledge base: search, exact sections to cite, and the document catalogue. */
public interface KnowledgeSearch {

    /** Best sections first, current versions only. */
    List<SearchHit> search(SearchRequest request);

    /** A section of the current version of a document, by section number ("3.2") or exact heading. */
    Optional<Section> section(String documentId, String section);

    /** All current documents, for reading paths and catalogues. */
    List<DocumentInfo> documents();
}
