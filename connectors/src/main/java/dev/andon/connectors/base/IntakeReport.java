package dev.andon.connectors.base;

import dev.andon.core.error.Problem;

import java.util.List;

/**
 * What an inbound batch did, item by item ({@code index} from 0 in the batch): alerts taken in (with their decision's
 * assignee), alerts closed, closings that found nothing open, and items refused with their problems (each kept as a
 * dead letter).
 */
public record IntakeReport(int received, List<Accepted> accepted, List<Closed> closed, List<Integer> unmatched,
                           List<Rejected> rejected) {
    public record Accepted(int index, String alertId, String state, String assignee) {
    }

    public record Closed(int index, String alertId, String state) {
    }

    public record Rejected(int index, List<Problem> problems) {
    }
}
