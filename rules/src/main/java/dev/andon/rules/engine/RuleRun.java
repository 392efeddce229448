package dev.andon.rules.engine;

import dev.andon.rules.facts.DecisionDraft;

/** What one evaluation produced: the filled draft, how many rules fired, and whether the firing limit cut it off. */
public record RuleRun(DecisionDraft draft, int fired, boolean cutOff, String busiestRule, int busiestRuleFirings) {
}
