package dev.andon.core.handover;

import java.util.List;

/**
 * What the outgoing leader writes into a report. A null field is left as it is; a list replaces the previous one.
 * Actions without an id are new; an action with {@code closed: true} is closed and no longer carried forward.
 */
public record HandoverEdit(List<String> incidents, List<String> nearMisses, List<String> openLockouts,
                           List<String> equipmentNotes, List<String> qualityHolds, List<CarriedAction> actions,
                           List<String> standingInstructions, String notes) {
}
