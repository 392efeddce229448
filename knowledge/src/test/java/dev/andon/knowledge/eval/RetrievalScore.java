package dev.andon.knowledge.eval;

import dev.andon.knowledge.SearchHit;

import java.util.List;
import java.util.Locale;

/**
 * hit@1, hit@3 and mean reciprocal rank (over the first {@code depth} hits) of a set of answered questions. A hit is
 * the expected document and the expected section number.
 */
public final class RetrievalScore {
    private int questions;
    private int hit1;
    private int hit3;
    private double reciprocalRanks;

    /** Adds one question's ranked hits; returns the 1-based rank of the expected section, or 0 if absent. */
    public int add(EvalQuestion q, List<SearchHit> hits) {
        questions++;
        int rank = 0;
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            if (h.documentId().equals(q.doc()) && h.section().equals(q.section())) {
                rank = i + 1;
                break;
            }
        }
        if (rank == 1) {
            hit1++;
        }
        if (rank >= 1 && rank <= 3) {
            hit3++;
        }
        if (rank > 0) {
            reciprocalRanks += 1.0 / rank;
        }
        return rank;
    }

    public int questions() {
        return questions;
    }

    public double hitAt1() {
        return questions == 0 ? 0 : (double) hit1 / questions;
    }

    public double hitAt3() {
        return questions == 0 ? 0 : (double) hit3 / questions;
    }

    public double mrr() {
        return questions == 0 ? 0 : reciprocalRanks / questions;
    }

    public String row(String name) {
        return String.format(Locale.ROOT, "| %-8s | %3d | %.3f | %.3f | %.3f |", name, questions, hitAt1(), hitAt3(), mrr());
    }
}
