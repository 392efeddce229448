package dev.andon.rules;

/** Whether runbook decisions work: up when a ruleset is active and the store is open; the detail says what is wrong. */
public record RulesHealth(boolean up, String activeVersion, String detail) {
}
