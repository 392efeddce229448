package dev.andon.assistant;

import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.identity.Principal;
import dev.andon.core.error.Problem;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a chat request before anything is stored or asked: a non-empty message within the size limit, a user id,
 * a role and (optional) line the plant knows, a well-formed conversation id. Reports every problem at once.
 */
public final class ChatRequestValidator {
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 4000;
    private static final Pattern USER_ID = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,100}");
    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Plant plant;
    private final int maxMessageChars;

    public ChatRequestValidator(Plant plant, int maxMessageChars) {
        this.plant = plant;
        this.maxMessageChars = maxMessageChars;
    }

    public int maxMessageChars() {
        return maxMessageChars;
    }

    /** The request with its message trimmed and blank optional fields as null; invalid → {@link InvalidInputException}. */
    public ChatRequest validate(ChatRequest r) {
        if (r == null) {
            throw new InvalidInputException("(body)", "must be a chat request with message, userId and role");
        }
        List<Problem> problems = new ArrayList<>();
        String message = r.message() == null ? null : r.message().strip();
        if (message == null || message.isEmpty()) {
            problems.add(new Problem("message", "must not be empty"));
        } else if (message.length() > maxMessageChars) {
            problems.add(new Problem("message", "must be at most " + maxMessageChars + " characters (got " + message.length() + ")"));
        }
        String user = blankToNull(r.userId());
        if (user == null) {
            problems.add(new Problem("userId", "is required"));
        } else if (!USER_ID.matcher(user).matches()) {
            problems.add(new Problem("userId", "must be 1-100 letters, digits or . _ @ + -"));
        }
        String role = blankToNull(r.role());
        if (role == null) {
            problems.add(new Problem("role", "is required (one of " + plant.roles().stream().map(Role::id).toList() + ")"));
        } else if (plant.role(role).isEmpty()) {
            problems.add(new Problem("role", "unknown role '" + clip(role) + "' (known: " + plant.roles().stream().map(Role::id).toList() + ")"));
        }
        String line = blankToNull(r.line());
        if (line != null && plant.line(line).isEmpty()) {
            problems.add(new Problem("line", "unknown line '" + clip(line) + "' (known: " + plant.lines().stream().map(Line::id).toList() + ")"));
        }
        String conversation = blankToNull(r.conversationId());
        if (conversation != null && !CONVERSATION_ID.matcher(conversation).matches()) {
            problems.add(new Problem("conversationId", "must be 1-64 letters, digits, - or _"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // In-process callers (tools, benches) name a plant person; the engines still need who that is.
        Principal asker = r.asker() != null ? r.asker() : new PlantPeople(plant).principalOf(user).orElse(null);
        if (r.asker() != null) {
            // Who asks, and in which role, is the signed-in principal's: a body cannot claim another person or role.
            if (!asker.id().equals(user)) {
                throw new ForbiddenException("you are signed in as " + asker.id() + " and can only ask as yourself");
            }
            if (!asker.roles().contains(role)) {
                throw new ForbiddenException("you do not hold the role '" + clip(role) + "' (your roles: "
                        + String.join(", ", new java.util.TreeSet<>(asker.roles())) + ")");
            }
        }
        return new ChatRequest(user, role, line, conversation, message, asker);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String clip(String s) {
        String plain = s.replaceAll("[<>]", "");
        return plain.length() <= 40 ? plain : plain.substring(0, 40) + "…";
    }
}
