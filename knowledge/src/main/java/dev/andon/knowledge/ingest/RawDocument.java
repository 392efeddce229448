package dev.andon.knowledge.ingest;

import java.util.List;
import java.util.Map;

/**
 * What a format parser extracts from a file: the metadata fields it found (front matter, HTML meta tags), a title
 * candidate from the text itself (first H1, HTML title) and the sections in reading order.
 */
public record RawDocument(Map<String, Object> metadata, String titleFromText, List<RawSection> sections) {
}
