package dev.andon.knowledge.ingest;

import java.util.List;
import java.util.Optional;

/**
 * A document read and validated, ready to be indexed: metadata (language settled), sections in reading order and the
 * chunks to index. {@code content} is what is kept as the file (for HTML the sanitised page).
 */
public record ReadDocument(String fileName, DocumentFormat format, DocumentMetadata metadata,
                           List<DocumentSection> sections, List<Chunk> chunks, byte[] content, byte[] sidecar) {
    public ReadDocument {
        sections = List.copyOf(sections);
        chunks = List.copyOf(chunks);
    }

    public Optional<DocumentSection> section(String number) {
        return sections.stream().filter(s -> s.number().equals(number)).findFirst();
    }
}
