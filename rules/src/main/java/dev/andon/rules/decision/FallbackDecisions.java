package dev.andon.rules.decision;

import dev.andon.core.alert.ActionStep;
import dev.andon.core.alert.Alert;
import dev.andon.core.alert.Assignee;
import dev.andon.core.alert.Decision;
import dev.andon.core.alert.EscalationStep;
import dev.andon.core.alert.FiredRule;
import dev.andon.core.alert.KnowledgeRef;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.ShiftRoster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The decision when the rules cannot make one (no ruleset, a runaway rule, an exception, no runbook matched): the
 * team leader on that line takes the alert, responds at the station and escalates by the standard. Kept in code
 * on purpose, because it must work when the rules do not.
 */
public final class FallbackDecisions {
    public static final String RUNBOOK = "fallback";
    public static final String RULE_NAME = "andon: fallback decision";
    private static final String ROLE = "team-leader";

    private final ShiftRoster roster;
    private final AssigneeResolver people;

    public FallbackDecisions(ShiftRoster roster, AssigneeResolver people) {
        this.roster = roster;
        this.people = people;
    }

    /** {@code reasonFlag}: runaway-rule, rules-error, no-runbook or no-ruleset; {@code why} in plain words. */
    public Decision decide(Alert alert, String reasonFlag, String why, String version, Instant now) {
        Optional<Person> leader = people.roster().inRole(now, alert.line(), ROLE).stream().findFirst();
        Assignee assignee;
        String how;
        if (leader.isPresent()) {
            assignee = new Assignee(leader.get().id(), leader.get().name(), ROLE, AssigneeResolver.ON_SHIFT);
            how = leader.get().name() + " is team leader on " + alert.line() + " this shift";
        } else {
            Optional<Person> onCall = roster.onCall(ROLE);
            assignee = onCall.map(p -> new Assignee(p.id(), p.name(), ROLE, AssigneeResolver.ON_CALL))
                    .orElse(new Assignee(null, null, ROLE, AssigneeResolver.NOBODY));
            how = onCall.map(p -> "no team leader on shift on " + alert.line() + ", so the on-call team leader " + p.name())
                    .orElse("no team leader on shift and none on call: assign by hand");
        }
        List<ActionStep> steps = List.of(
                new ActionStep(1, "Respond at the station: the runbook could not decide, assess the alert by hand", ROLE,
                        new KnowledgeRef("SOP-ANDON-CORD", "2"), false),
                new ActionStep(2, "Fix, escalate or stop", ROLE, new KnowledgeRef("SOP-ANDON-CORD", "3"), false),
                new ActionStep(3, "Escalation levels", ROLE, new KnowledgeRef("STD-ESCALATION", "2"), false));
        String leaderId = assignee.person();
        List<EscalationStep> escalation = List.of(
                new EscalationStep(1, Duration.ofMinutes(10), "unacknowledged", ROLE,
                        people.escalationTarget(alert.line(), ROLE, true, leaderId, now).map(Person::id).orElse(null),
                        "Not acknowledged within 10 min: the on-call team leader is called (STD-ESCALATION 3)"),
                new EscalationStep(2, Duration.ofMinutes(120), "unresolved", "maintenance",
                        people.escalationTarget(alert.line(), "maintenance", true, leaderId, now).map(Person::id).orElse(null),
                        "Not resolved within 120 min: the on-call maintenance technician is called (STD-ESCALATION 3)"));
        List<FiredRule> fired = List.of(new FiredRule(RULE_NAME, why + " The team leader takes the alert: " + how + "."));
        return new Decision(RUNBOOK, ROLE, assignee, steps, now.plus(Duration.ofMinutes(10)),
                now.plus(Duration.ofMinutes(120)), escalation, Set.of("fallback", reasonFlag), fired, version, now);
    }
}
