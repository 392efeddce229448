package dev.andon.assistant.answer;

import dev.andon.assistant.Citation;
import dev.andon.assistant.answer.PendingAction;
import dev.andon.assistant.intent.Intent;

import java.util.List;
import java.util.Map;

/**
 * What one of the assistant's abilities produced: the text, the citations it rests on, the alerts it spoke about
 * (with the ruleset version of each decision) and, for an action, what now waits for the user's confirmation.
 */
public record Reply(Intent intent, String text, List<Citation> citations, List<String> alertIds,
                    Map<String, String> rulesetVersions, PendingAction pending) {
    public Reply {
        citations = citations == null ? List.of() : List.copyOf(citations);
        alertIds = alertIds == null ? List.of() : List.copyOf(alertIds);
        rulesetVersions = rulesetVersions == null ? Map.of() : Map.copyOf(rulesetVersions);
    }

    public static Reply of(Intent intent, String text) {
        return new Reply(intent, text, List.of(), List.of(), Map.of(), null);
    }

    public Reply withIntent(Intent other) {
        return new Reply(other, text, citations, alertIds, rulesetVersions, pending);
    }

    public Reply withText(String other) {
        return new Reply(intent, other, citations, alertIds, rulesetVersions, pending);
    }
}
