package dev.andon.connectors.replay;

import dev.andon.core.error.Problem;

import java.util.List;

/**
 * What a replay did: rows read, alerts they made, how many were taken in (their ids, in order; a repeat of an open
 * alert gives the id of that alert again), and each refused line with its problems. Nothing of a refused line was
 * written.
 */
public record ReplayReport(int rows, int alerts, int accepted, List<String> acceptedIds, List<Rejection> rejected) {

    public record Rejection(int line, List<Problem> problems) {
    }
}
