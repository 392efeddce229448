package dev.andon.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A heading and the blocks under it, as a parser found them, before numbering and paths are settled. A null heading
 * is the preamble (text before the first heading). {@code level} is the heading depth (1 = top).
 */
public final class RawSection {
    private final String heading;
    private final int level;
    private final List<TextBlock> blocks = new ArrayList<>();

    public RawSection(String heading, int level) {
        this.heading = heading;
        this.level = level;
    }

    public String heading() {
        return heading;
    }

    public int level() {
        return level;
    }

    public List<TextBlock> blocks() {
        return blocks;
    }

    public void add(TextBlock block) {
        if (block != null && !block.text().isBlank()) {
            blocks.add(block);
        }
    }
}
