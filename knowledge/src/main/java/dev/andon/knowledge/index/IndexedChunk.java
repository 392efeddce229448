package dev.andon.knowledge.index;

import dev.andon.knowledge.ingest.Chunk;
import dev.andon.knowledge.ingest.DocumentSection;

/** A chunk with its section and its embedding, ready to be written. */
public record IndexedChunk(Chunk chunk, DocumentSection section, float[] vector) {
}
