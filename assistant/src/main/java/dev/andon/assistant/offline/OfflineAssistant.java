package dev.andon.assistant.offline;

import dev.andon.assistant.AndonAssistant;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.ChatRequest;
import dev.andon.assistant.ChatRequestValidator;
import dev.andon.assistant.conversation.TurnRecorder;

/**
 * The embedded default: answers without any language model, from the rules' decisions, the approved documents and
 * the live line status; conversations and answers are recorded like any other.
 */
public final class OfflineAssistant implements AndonAssistant {
    public static final String MODE = "offline";
    public static final String MODEL = "offline";

    private final ChatRequestValidator validator;
    private final OfflineResponder responder;
    private final TurnRecorder turns;

    public OfflineAssistant(ChatRequestValidator validator, OfflineResponder responder, TurnRecorder turns) {
        this.validator = validator;
        this.responder = responder;
        this.turns = turns;
    }

    /**
     * @throws dev.andon.core.error.InvalidInputException empty or over-long message, missing user/role, unknown role or line
     * @throws dev.andon.core.error.ForbiddenException    the conversation belongs to another user
     */
    @Override
    public ChatAnswer answer(ChatRequest request) {
        ChatRequest r = validator.validate(request);
        return turns.run(r, turn -> {
            Outcome out = responder.respond(turn.request(), turn.conversation().context());
            return turns.record(turn, out.reply(), out.context(), MODE, MODEL);
        });
    }
}
