package dev.andon.assistant.feedback;

import dev.andon.assistant.Citation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An answer as it was given, kept so feedback on it can be judged later: who asked what, the answer, its citations,
 * and the versions it rested on — document versions by document id, the ruleset version of each alert decision it
 * explained (by alert id), and the mode and model that produced it.
 */
public record AnswerRecord(String answerId, String conversationId, String userId, String role, String line,
                           String question, String answer, String intent, String mode, String model,
                           List<Citation> citations, Map<String, String> documentVersions,
                           Map<String, String> rulesetVersions, List<String> alertIds, Instant at) {
    public AnswerRecord {
        citations = citations == null ? List.of() : List.copyOf(citations);
        documentVersions = documentVersions == null ? Map.of() : Map.copyOf(documentVersions);
        rulesetVersions = rulesetVersions == null ? Map.of() : Map.copyOf(rulesetVersions);
        alertIds = alertIds == null ? List.of() : List.copyOf(alertIds);
    }
}
