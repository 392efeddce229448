package dev.andon.rules.decision;

import dev.andon.rules.engine.CompiledRuleset;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ruleset new alerts are decided with. Swapped atomically: an evaluation that already holds the old version
 * finishes with it, the next one sees the new one.
 */
public final class ActiveRuleset {
    private final AtomicReference<CompiledRuleset> current = new AtomicReference<>();

    public Optional<CompiledRuleset> get() {
        return Optional.ofNullable(current.get());
    }

    /** Returns the ruleset that was active before. */
    public CompiledRuleset swap(CompiledRuleset next) {
        return current.getAndSet(next);
    }
}
