package dev.andon.assistant;

/**
 * A message from a person. {@code role} and {@code line} scope what they may see and do; {@code conversationId} null
 * starts a new conversation.
 */
public record ChatRequest(String userId, String role, String line, String conversationId, String message) {
}
