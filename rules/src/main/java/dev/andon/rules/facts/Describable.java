package dev.andon.rules.facts;

/** A fact that can say in plain words what it is, so that a fired rule can be explained to an operator. */
public interface Describable {
    String describe();
}
