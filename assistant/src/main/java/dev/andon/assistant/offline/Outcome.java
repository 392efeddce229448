package dev.andon.assistant.offline;

import dev.andon.assistant.answer.Reply;
import dev.andon.assistant.conversation.ConversationContext;

/** A reply and the conversation context after it. */
public record Outcome(Reply reply, ConversationContext context) {
}
