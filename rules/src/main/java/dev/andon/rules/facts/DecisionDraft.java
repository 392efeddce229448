package dev.andon.rules.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code decision} global every ruleset writes its answer into: the runbook and its owner (routing), ordered steps
 * citing the knowledge base, flags, escalation steps and the reasons. A fresh draft per evaluation; the engine turns
 * it into a core Decision, resolving people from the roster.
 *
 * <p>Bad values (a negative number of minutes, an unknown escalation trigger, a step without a document) throw, and
 * the alert then gets the fallback decision instead of a half-made one.
 */
public final class DecisionDraft {
    public static final String UNACKNOWLEDGED = "unacknowledged";
    public static final String UNRESOLVED = "unresolved";
    /**
     * Result limits (part of the evaluation budget, enforced for every ruleset): a rule writing more than this throws,
     * and the alert gets the fallback decision. Far above real runbooks and above what the firing limit lets a runaway
     * rule write (so it is still reported as runaway); they stop a rule from growing a text with every firing, and
     * bound a decision's size when the firing limit is raised.
     */
    public static final int MAX_TEXT = 2000;
    public static final int MAX_STEPS = 10_000;
    public static final int MAX_FLAGS = 100;
    public static final int MAX_ESCALATIONS = 10_000;
    public static final int MAX_REASONS = 10_000;
    private static final String[] NONE = new String[0];

    private final Runbook runbook = new Runbook();
    private static final String[] PROPERTIES = {"id", "chosen", "ownerRole", "fallbackRole", "qualificationRequired",
            "acknowledgeMinutes", "resolveMinutes", "escalateTo"};
    private int changedProperties;
    private final List<StepDraft> steps = new ArrayList<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final List<EscalationDraft> escalations = new ArrayList<>();
    private final List<RuleFiring> firings = new ArrayList<>();
    private RuleFiring current;
    private int reasons;

    // ---- routing: which runbook, who owns it, by when ----

    public void runbook(String id) {
        runbook.setId(required(id, "runbook id"));
        changed(0b11);
    }

    public void owner(String role) {
        runbook.setOwnerRole(required(role, "owner role"));
        changed(1 << 2);
    }

    /** The role that takes the alert when nobody on shift in the owner role is qualified. */
    public void fallbackRole(String role) {
        runbook.setFallbackRole(blankToNull(role));
        changed(1 << 3);
    }

    /** Whether the assignee must be qualified for the station (true for hands-on work, false for coordination). */
    public void qualificationRequired(boolean required) {
        runbook.setQualificationRequired(required);
        changed(1 << 4);
    }

    public void acknowledgeWithin(int minutes) {
        runbook.setAcknowledgeMinutes(positive(minutes, "acknowledge minutes"));
        changed(1 << 5);
    }

    public void resolveWithin(int minutes) {
        runbook.setResolveMinutes(positive(minutes, "resolve minutes"));
        changed(1 << 6);
    }

    /** The role an unacknowledged alert goes to first. */
    public void escalateTo(String role) {
        runbook.setEscalateTo(blankToNull(role));
        changed(1 << 7);
    }

    // ---- what to do ----

    /** A step; {@code order} sorts steps from all rules (ties keep firing order), then they are numbered 1, 2, 3… */
    public void step(int order, String role, String text, String documentId, String section) {
        addStep(order, role, text, documentId, section, false);
    }

    /** A safety-critical step (lock-out/tag-out…): shown verbatim from its source and never summarised. */
    public void safetyStep(int order, String role, String text, String documentId, String section) {
        addStep(order, role, text, documentId, section, true);
    }

    public void flag(String flag) {
        String f = required(flag, "flag");
        if (!flags.contains(f)) {
            limit(flags.size(), MAX_FLAGS, "flags");
        }
        flags.add(f);
    }

    // ---- escalation ----

    /** After {@code afterMinutes} without acknowledgement or resolution ({@code trigger}), hand to a person in {@code toRole}. */
    public void escalate(int level, int afterMinutes, String trigger, String toRole, String reason) {
        limit(escalations.size(), MAX_ESCALATIONS, "escalation steps");
        escalations.add(new EscalationDraft(positive(level, "escalation level"), positive(afterMinutes, "escalation minutes"),
                trigger(trigger), required(toRole, "escalation role"), false, text(reason, "escalation reason"), ruleName()));
    }

    /** Like {@link #escalate} but straight to the plant's on-call person for {@code role}. */
    public void escalateToOnCall(int level, int afterMinutes, String trigger, String role, String reason) {
        limit(escalations.size(), MAX_ESCALATIONS, "escalation steps");
        escalations.add(new EscalationDraft(positive(level, "escalation level"), positive(afterMinutes, "escalation minutes"),
                trigger(trigger), required(role, "escalation role"), true, text(reason, "escalation reason"), ruleName()));
    }

    // ---- explanation ----

    /** Why the current rule fired, in words an operator understands. */
    public void because(String text) {
        if (current != null && text != null && !text.isBlank()) {
            limit(reasons++, MAX_REASONS, "reasons");
            current.reasons.add(text(text, "reason").trim());
        }
    }

    // ---- engine side ----

    public void beginRule(String ruleName, List<String> matchedFacts) {
        current = new RuleFiring(ruleName, matchedFacts);
        firings.add(current);
    }

    public void endRule() {
        current = null;
    }

    /**
     * The Runbook properties changed since the last call, so the engine can tell the working memory exactly those:
     * a rule reacts only to the properties it constrains, so an override of the owner does not re-fire itself.
     */
    public String[] takeRunbookChanges() {
        if (changedProperties == 0) {
            return NONE;
        }
        String[] out = new String[Integer.bitCount(changedProperties)];
        int n = 0;
        for (int i = 0; i < PROPERTIES.length; i++) {
            if ((changedProperties & (1 << i)) != 0) {
                out[n++] = PROPERTIES[i];
            }
        }
        changedProperties = 0;
        return out;
    }

    private void changed(int properties) {
        changedProperties |= properties;
    }

    public Runbook getRunbook() { return runbook; }
    public List<StepDraft> getSteps() { return Collections.unmodifiableList(steps); }
    public Set<String> getFlags() { return Collections.unmodifiableSet(flags); }
    public List<EscalationDraft> getEscalations() { return Collections.unmodifiableList(escalations); }
    public List<RuleFiring> getFirings() { return Collections.unmodifiableList(firings); }

    public boolean hasFlag(String flag) {
        return flags.contains(flag);
    }

    private void addStep(int order, String role, String text, String documentId, String section, boolean safety) {
        limit(steps.size(), MAX_STEPS, "steps");
        steps.add(new StepDraft(order, steps.size(), required(role, "step role"), required(text, "step text"),
                required(documentId, "step document id"), required(section, "step section"), safety, ruleName()));
    }

    private String ruleName() {
        return current == null ? null : current.name;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return text(value, what).trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : text(value, "role").trim();
    }

    /** Refuses a text over {@link #MAX_TEXT} characters (null passes). */
    static String text(String value, String what) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters long; at most " + MAX_TEXT);
        }
        return value;
    }

    private static void limit(int count, int max, String what) {
        if (count >= max) {
            throw new IllegalArgumentException("more than " + max + " " + what + " in one decision");
        }
    }

    private static int positive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }

    private static String trigger(String trigger) {
        if (!UNACKNOWLEDGED.equals(trigger) && !UNRESOLVED.equals(trigger)) {
            throw new IllegalArgumentException("escalation trigger must be '" + UNACKNOWLEDGED + "' or '" + UNRESOLVED
                    + "', got '" + trigger + "'");
        }
        return trigger;
    }

    public record StepDraft(int order, int sequence, String role, String text, String documentId, String section,
                            boolean safetyCritical, String rule) {
    }

    public record EscalationDraft(int level, int afterMinutes, String trigger, String role, boolean onCall,
                                  String reason, String rule) {
    }

    /** One rule that fired: its name, the facts it matched (described) and the reasons it gave. */
    public static final class RuleFiring {
        private final String name;
        private final List<String> facts;
        private final List<String> reasons = new ArrayList<>();

        RuleFiring(String name, List<String> facts) {
            this.name = name;
            this.facts = List.copyOf(facts);
        }

        public String name() { return name; }
        public List<String> facts() { return facts; }
        public List<String> reasons() { return Collections.unmodifiableList(reasons); }
    }
}
