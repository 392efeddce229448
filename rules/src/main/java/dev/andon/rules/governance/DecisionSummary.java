package dev.andon.rules.governance;

import dev.andon.core.alert.ActionStep;
import dev.andon.core.alert.Decision;
import dev.andon.core.alert.EscalationStep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** The parts of a decision a person compares side by side in a backtest. */
public record DecisionSummary(String runbook, String ownerRole, String assignee, List<String> steps,
                              List<String> flags, long acknowledgeMinutes, long resolveMinutes, List<String> escalation,
                              String rulesetVersion) {

    public static DecisionSummary of(Decision d) {
        List<String> steps = new ArrayList<>();
        for (ActionStep s : d.steps()) {
            steps.add(s.order() + ". " + s.role() + ": " + s.text() + " [" + s.source().documentId() + " " + s.source().section() + "]"
                    + (s.safetyCritical() ? " (safety-critical)" : ""));
        }
        List<String> escalation = new ArrayList<>();
        for (EscalationStep e : d.escalation()) {
            escalation.add("level " + e.level() + " after " + e.after().toMinutes() + " min " + e.trigger() + " → "
                    + e.toRole() + (e.toPerson() == null ? "" : " (" + e.toPerson() + ")"));
        }
        String assignee = d.assignee() == null || d.assignee().person() == null ? "nobody"
                : d.assignee().person() + " (" + d.assignee().via() + ")";
        return new DecisionSummary(d.runbook(), d.ownerRole(), assignee, steps, List.copyOf(new TreeSet<>(d.flags())),
                d.acknowledgeBy() == null ? 0 : Duration.between(d.decidedAt(), d.acknowledgeBy()).toMinutes(),
                d.resolveBy() == null ? 0 : Duration.between(d.decidedAt(), d.resolveBy()).toMinutes(), escalation,
                d.rulesetVersion());
    }

    /** What differs, in words ("owner role: operator → maintenance"); empty when the decisions agree. */
    public List<String> differencesTo(DecisionSummary after) {
        List<String> out = new ArrayList<>();
        diff(out, "runbook", runbook, after.runbook);
        diff(out, "owner role", ownerRole, after.ownerRole);
        diff(out, "assignee", assignee, after.assignee);
        diff(out, "acknowledge within (min)", acknowledgeMinutes, after.acknowledgeMinutes);
        diff(out, "resolve within (min)", resolveMinutes, after.resolveMinutes);
        diff(out, "flags", flags, after.flags);
        if (!steps.equals(after.steps)) {
            out.add("steps: " + steps.size() + " → " + after.steps.size() + " steps, content changed");
        }
        if (!escalation.equals(after.escalation)) {
            out.add("escalation: " + escalation + " → " + after.escalation);
        }
        return out;
    }

    private static void diff(List<String> out, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(what + ": " + before + " → " + after);
        }
    }
}
