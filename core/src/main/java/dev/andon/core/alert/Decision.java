package dev.andon.core.alert;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the runbook decided for an alert: who owns it, what to do in which order, by when, whom to escalate to, and
 * why (the rules that fired). {@code rulesetVersion} is the ruleset that made the decision.
 */
public record Decision(String runbook, String ownerRole, Assignee assignee, List<ActionStep> steps,
                       Instant acknowledgeBy, Instant resolveBy, List<EscalationStep> escalation, Set<String> flags,
                       List<FiredRule> firedRules, String rulesetVersion, Instant decidedAt) {
    public Decision {
        steps = steps == null ? List.of() : List.copyOf(steps);
        escalation = escalation == null ? List.of() : List.copyOf(escalation);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        firedRules = firedRules == null ? List.of() : List.copyOf(firedRules);
    }
}
