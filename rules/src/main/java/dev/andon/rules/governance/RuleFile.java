package dev.andon.rules.governance;

/** A file of a ruleset version: its name and size (the content is kept separately). */
public record RuleFile(String name, long bytes) {
}
