package dev.andon.rules.engine.sandbox;

/** A static flag the escape attempts try to set: it stays false unless rule code ran. */
public final class Tripwire {
    public static volatile boolean tripped;

    private Tripwire() {
    }
}
