package dev.andon.connectors.replay;

import dev.andon.core.error.Problem;

import java.util.List;

/** What a replay did: how many recorded alerts were read, accepted and refused (each refusal with its line and problems). */
public record ReplayReport(int read, int accepted, List<String> acceptedIds, List<Rejection> rejected) {

    public record Rejection(int line, List<Problem> problems) {
    }
}
