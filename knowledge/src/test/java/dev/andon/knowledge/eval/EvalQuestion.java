package dev.andon.knowledge.eval;

/** One labelled question: who asks it, how, and which document section answers it. */
public record EvalQuestion(String q, String doc, String section, String asker, String style) {
}
