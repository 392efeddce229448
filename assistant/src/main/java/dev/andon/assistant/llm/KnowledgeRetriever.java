package dev.andon.assistant.llm;

import dev.andon.assistant.answer.KnowledgeAnswerer;
import dev.andon.assistant.answer.SourceQuotes;
import dev.andon.knowledge.Section;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;

import java.util.ArrayList;
import java.util.List;

/**
 * Retrieval for the language model, backed by the Lucene knowledge base: the sections that cover the user's question,
 * filtered by the asker's role and line, each wrapped as reference data with its document, section and version,
 * and recorded as a citation of the turn.
 */
public final class KnowledgeRetriever implements ContentRetriever {
    private static final int MAX_SECTIONS = 3;

    private final KnowledgeAnswerer knowledge;
    private final SourceQuotes quotes;
    private final RequestScope scope;
    private final List<String> scopeWords;

    public KnowledgeRetriever(KnowledgeAnswerer knowledge, SourceQuotes quotes, RequestScope scope, List<String> scopeWords) {
        this.knowledge = knowledge;
        this.quotes = quotes;
        this.scope = scope;
        this.scopeWords = List.copyOf(scopeWords);
    }

    @Override
    public List<Content> retrieve(Query query) {
        List<Section> sections = knowledge.coveringSections(query.text(), scope.request().role(), scope.request().line(),
                null, scopeWords, MAX_SECTIONS);
        List<Content> out = new ArrayList<>();
        for (Section s : sections) {
            scope.retrieved(quotes.cite(s));
            String head = SourceQuotes.label(s) + " — " + s.title() + (s.safetyCritical() ? " — SAFETY-CRITICAL: quote exactly" : "")
                    + (s.uncontrolled() ? " — UNCONTROLLED (no owner, not reviewed): say so when you cite it" : "");
            out.add(Content.from(TextSegment.from(DataBlock.wrap("knowledge-base", head + "\n" + s.text()))));
        }
        return out;
    }
}
