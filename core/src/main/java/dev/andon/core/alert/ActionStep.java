package dev.andon.core.alert;

/** One ordered step of a decision; {@code safetyCritical} steps are quoted verbatim from their source, never paraphrased. */
public record ActionStep(int order, String text, String role, KnowledgeRef source, boolean safetyCritical) {
}
