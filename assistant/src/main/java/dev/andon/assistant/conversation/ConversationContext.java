package dev.andon.assistant.conversation;

import dev.andon.assistant.answer.PendingAction;

/**
 * What a conversation is about, so that "and station 4?" continues the last question: the last intent, line,
 * station, alert, the last knowledge query, the role asked about, and an action waiting for confirmation.
 */
public record ConversationContext(String lastIntent, String line, String station, String alertId, String query,
                                  String role, PendingAction pending) {

    public static ConversationContext empty() {
        return new ConversationContext(null, null, null, null, null, null, null);
    }

    public ConversationContext withPending(PendingAction p) {
        return new ConversationContext(lastIntent, line, station, alertId, query, role, p);
    }
}
