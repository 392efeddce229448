package dev.andon.assistant.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.store.AndonDatabase;
import org.mapdb.BTreeMap;
import org.mapdb.HTreeMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Conversations and their messages in the node's MapDB file, so a restart keeps them. Messages are keyed
 * {@code conversationId|seq} in an ordered map, which makes "all messages of a conversation, in order" one range scan.
 */
public final class ConversationStore {
    private static final String SEP = "|";

    private final AndonDatabase db;
    private final ObjectMapper json;
    private final HTreeMap<String, String> conversations;
    private final BTreeMap<String, String> messages;
    private final BTreeMap<String, String> byUser;

    public ConversationStore(AndonDatabase db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.conversations = db.jsonMap("chat-conversations");
        this.messages = db.sortedStringMap("chat-messages");
        this.byUser = db.sortedStringMap("chat-conversations-by-user");
    }

    public Optional<Conversation> find(String conversationId) {
        if (conversationId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(conversations.get(conversationId)).map(t -> decode(t, Conversation.class));
    }

    public Conversation get(String conversationId) {
        return find(conversationId).orElseThrow(() -> new NotFoundException("conversation", conversationId));
    }

    /** The conversation's messages in order; unknown conversation → {@link NotFoundException}. */
    public List<ConversationMessage> messages(String conversationId) {
        get(conversationId);
        String from = conversationId + SEP;
        List<ConversationMessage> out = new ArrayList<>();
        for (String text : messages.subMap(from, true, conversationId + "|\uffff", true).values()) {
            out.add(decode(text, ConversationMessage.class));
        }
        return out;
    }

    /** Same, for a caller who must own the conversation: another user's → {@link ForbiddenException}. */
    public List<ConversationMessage> messages(String conversationId, String userId) {
        Conversation c = get(conversationId);
        if (userId != null && !c.userId().equals(userId)) {
            throw new ForbiddenException("conversation " + conversationId + " belongs to another user");
        }
        return messages(conversationId);
    }

    /** A user's conversations, most recently active first. */
    public List<Conversation> conversationsOf(String userId) {
        List<Conversation> out = new ArrayList<>();
        for (String key : byUser.subMap(userId + SEP, true, userId + "|\uffff", true).keySet()) {
            find(key.substring(userId.length() + 1)).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(Conversation::updatedAt).reversed());
        return out;
    }

    /**
     * Appends {@code added} messages and stores the updated conversation, in one commit (joining the caller's write if
     * there is one). Message numbers continue from what is stored.
     */
    public Conversation append(Conversation updated, List<ConversationMessage> added) {
        return db.write(() -> {
            boolean isNew = !conversations.containsKey(updated.id());
            long seq = lastSeq(updated.id());
            for (ConversationMessage m : added) {
                seq++;
                ConversationMessage numbered = new ConversationMessage(seq, m.author(), m.userId(), m.text(),
                        m.answerId(), m.intent(), m.mode(), m.model(), m.citations(), m.pendingConfirmation(), m.at());
                messages.put(key(updated.id(), seq), encode(numbered));
            }
            conversations.put(updated.id(), encode(updated));
            if (isNew) {
                byUser.put(updated.userId() + SEP + updated.id(), "");
            }
            return updated;
        });
    }

    /** Stores a changed context (e.g. a lapsed confirmation) without adding messages. */
    public Conversation save(Conversation c) {
        return append(c, List.of());
    }

    private long lastSeq(String conversationId) {
        var tail = messages.subMap(conversationId + SEP, true, conversationId + "|\uffff", true);
        if (tail.isEmpty()) {
            return 0;
        }
        String last = tail.lastKey();
        return Long.parseLong(last.substring(last.lastIndexOf('|') + 1));
    }

    private static String key(String conversationId, long seq) {
        return conversationId + SEP + String.format("%012d", seq);
    }

    private String encode(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversation data cannot be encoded", e);
        }
    }

    private <T> T decode(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conversation data cannot be decoded", e);
        }
    }
}
