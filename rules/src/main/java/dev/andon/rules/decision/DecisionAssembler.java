package dev.andon.rules.decision;

import dev.andon.core.alert.ActionStep;
import dev.andon.core.alert.Alert;
import dev.andon.core.alert.Decision;
import dev.andon.core.alert.EscalationStep;
import dev.andon.core.alert.FiredRule;
import dev.andon.core.alert.KnowledgeRef;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.Station;
import dev.andon.rules.facts.DecisionDraft;
import dev.andon.rules.facts.Runbook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Turns a filled {@link DecisionDraft} into a core {@link Decision}: people from the roster, numbered steps, deadlines. */
public final class DecisionAssembler {
    public static final String ROSTER_RULE = "roster: assignee";
    static final int DEFAULT_ACK_MINUTES = 15;
    static final int DEFAULT_RESOLVE_MINUTES = 120;

    private final AssigneeResolver people;

    public DecisionAssembler(AssigneeResolver people) {
        this.people = people;
    }

    public Decision assemble(Alert alert, Station station, DecisionDraft draft, Set<String> extraFlags, String version,
                             Instant now) {
        Runbook runbook = draft.getRunbook();
        Set<String> flags = new LinkedHashSet<>(draft.getFlags());
        flags.addAll(extraFlags);
        AssigneeResolver.Choice choice = people.assign(alert.line(), station, runbook.getOwnerRole(),
                runbook.getFallbackRole(), runbook.isQualificationRequired(), now);
        if (choice.assignee().person() == null) {
            flags.add("unassigned");
        }
        List<ActionStep> steps = steps(draft);
        if (steps.isEmpty()) {
            flags.add("no-steps");
            steps = List.of(new ActionStep(1, "Escalation levels: the runbook lists no steps, decide by hand",
                    "team-leader", new KnowledgeRef("STD-ESCALATION", "2"), false));
        }
        int ack = runbook.getAcknowledgeMinutes() > 0 ? runbook.getAcknowledgeMinutes() : DEFAULT_ACK_MINUTES;
        int resolve = runbook.getResolveMinutes() > 0 ? runbook.getResolveMinutes() : DEFAULT_RESOLVE_MINUTES;
        List<EscalationStep> escalation = escalation(alert, draft, choice.assignee().person(), now);
        List<FiredRule> fired = new ArrayList<>();
        for (DecisionDraft.RuleFiring f : draft.getFirings()) {
            fired.add(new FiredRule(f.name(), explain(f)));
        }
        fired.add(new FiredRule(ROSTER_RULE, choice.explanation()));
        return new Decision(runbook.getId(), runbook.getOwnerRole(), choice.assignee(), steps,
                now.plus(Duration.ofMinutes(ack)), now.plus(Duration.ofMinutes(resolve)), escalation, flags, fired,
                version, now);
    }

    static String explain(DecisionDraft.RuleFiring f) {
        StringBuilder sb = new StringBuilder();
        for (String r : f.reasons()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(r.endsWith(".") ? r : r + ".");
        }
        if (!f.facts().isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append("Matched: ").append(String.join("; ", f.facts())).append('.');
        }
        return sb.toString();
    }

    private static List<ActionStep> steps(DecisionDraft draft) {
        List<DecisionDraft.StepDraft> sorted = new ArrayList<>(draft.getSteps());
        sorted.sort(Comparator.comparingInt(DecisionDraft.StepDraft::order).thenComparingInt(DecisionDraft.StepDraft::sequence));
        Set<String> seen = new HashSet<>();
        List<ActionStep> out = new ArrayList<>();
        for (DecisionDraft.StepDraft s : sorted) {
            // A rule that re-fired (the routing changed under it) adds the same step twice: keep the first.
            if (seen.add(s.role() + "|" + s.text() + "|" + s.documentId() + "|" + s.section())) {
                out.add(new ActionStep(out.size() + 1, s.text(), s.role(), new KnowledgeRef(s.documentId(), s.section()),
                        s.safetyCritical()));
            }
        }
        return out;
    }

    private List<EscalationStep> escalation(Alert alert, DecisionDraft draft, String assignee, Instant now) {
        TreeMap<Integer, DecisionDraft.EscalationDraft> byLevel = new TreeMap<>();
        for (DecisionDraft.EscalationDraft e : draft.getEscalations()) {
            byLevel.put(e.level(), e);
        }
        List<EscalationStep> out = new ArrayList<>();
        for (DecisionDraft.EscalationDraft e : byLevel.values()) {
            String to = people.escalationTarget(alert.line(), e.role(), e.onCall(), assignee, now).map(Person::id).orElse(null);
            out.add(new EscalationStep(e.level(), Duration.ofMinutes(e.afterMinutes()), e.trigger(), e.role(), to,
                    e.reason() == null ? (e.onCall() ? "on-call " : "") + e.role() + " takes over" : e.reason()));
        }
        return out;
    }
}
