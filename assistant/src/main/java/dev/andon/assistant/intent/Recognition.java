package dev.andon.assistant.intent;

/**
 * The recognised intent, whether the message continues the previous question ("and station 4?"), how it was
 * recognised ({@code pattern}, {@code embedding}, {@code follow-up}, {@code default}) and the winning score.
 */
public record Recognition(Intent intent, boolean followUp, String via, double score) {
}
