package dev.andon.rules.engine;

import dev.andon.rules.facts.DecisionDraft;

/**
 * What one evaluation produced: the filled draft, how many rules fired, whether the firing limit cut it off, and
 * (for budgeted evaluations) what budget it exceeded, or null.
 */
public record RuleRun(DecisionDraft draft, int fired, boolean cutOff, String busiestRule, int busiestRuleFirings,
                      String overBudget) {
}
