package dev.andon.knowledge.bench;

import dev.andon.knowledge.index.MiniLmEmbedder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Embedding cost by text length, one at a time and batched: what indexing throughput is made of. */
public final class EmbeddingCost {
    private EmbeddingCost() {
    }

    public static void main(String[] args) {
        MiniLmEmbedder model = new MiniLmEmbedder();
        ChunkTextGenerator gen = new ChunkTextGenerator(7);
        for (int chars : new int[]{40, 200, 400, 800}) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String t = gen.sectionBody().replace('\n', ' ');
                while (t.length() < chars) {
                    t = t + " " + gen.sectionBody().replace('\n', ' ');
                }
                texts.add(t.substring(0, chars));
            }
            for (int i = 0; i < 20; i++) {
                model.embed(texts.get(i));
            }
            long t = System.nanoTime();
            for (String s : texts) {
                model.embed(s);
            }
            double single = (System.nanoTime() - t) / 1e6 / texts.size();
            t = System.nanoTime();
            model.embedAll(texts);
            double batch = (System.nanoTime() - t) / 1e6 / texts.size();
            System.out.printf(Locale.ROOT, "%4d chars: %.2f ms one by one, %.2f ms per text with embedAll%n", chars, single, batch);
        }
    }
}
