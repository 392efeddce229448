package dev.andon.core.handover;

import dev.andon.core.skills.CoverageGap;
import dev.andon.core.production.LineKpis;
import dev.andon.core.production.ParetoEntry;
import dev.andon.core.shift.CrewMember;
import dev.andon.core.shift.ShiftOccurrence;

import java.time.Instant;
import java.util.List;

/**
 * The handover of one shift on one line ({@code id} = the shift key). The computed part (production, equipment,
 * downtime, alerts, crew) is refreshed while the report is a draft and frozen when the outgoing leader signs; the
 * written part is the leader's. After the incoming leader accepts, nothing changes any more.
 */
public record HandoverReport(String id, String line, String lineName, ShiftOccurrence shift, String nextShift,
                             HandoverStatus status, List<CrewMember> outgoing, List<CrewMember> incoming,
                             List<CoverageGap> incomingGaps,
                             Safety safety, Production production, List<Equipment> equipmentOutOfService,
                             List<String> equipmentNotes, List<String> qualityHolds, List<ParetoEntry> downtime,
                             AlertSummary alerts, List<CarriedAction> actions, List<String> standingInstructions,
                             List<Note> shiftNotes, String notes, String question, List<HandoverStep> history,
                             Instant computedAt) {

    public HandoverReport {
        outgoing = list(outgoing);
        incoming = list(incoming);
        // null: not known (no skills matrix, or a report stored before it was shown); empty: every skill covered
        incomingGaps = incomingGaps == null ? null : List.copyOf(incomingGaps);
        equipmentOutOfService = list(equipmentOutOfService);
        equipmentNotes = list(equipmentNotes);
        qualityHolds = list(qualityHolds);
        downtime = list(downtime);
        actions = list(actions);
        standingInstructions = list(standingInstructions);
        shiftNotes = list(shiftNotes);
        history = list(history);
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    /** Incidents, near-misses and lock-outs still applied, as the outgoing leader reports them. */
    public record Safety(List<String> incidents, List<String> nearMisses, List<String> openLockouts) {
        public Safety {
            incidents = list(incidents);
            nearMisses = list(nearMisses);
            openLockouts = list(openLockouts);
        }

        public static Safety none() {
            return new Safety(List.of(), List.of(), List.of());
        }
    }

    /** Output against plan and OEE, with the previous shift's OEE and the change (percentage points). */
    public record Production(Long plan, long output, LineKpis kpis, String previousShift, Double previousOee,
                             Double oeeChangePoints) {
    }

    /** A station out of service when the report was computed. */
    public record Equipment(String station, String name, String state, String reason, Instant since) {
    }

    /** Alerts of the shift: counts, the most recent of each kind, and every alert still open. */
    public record AlertSummary(int raised, int acknowledged, int resolved, int stillOpen, List<AlertLine> raisedList,
                               List<AlertLine> acknowledgedList, List<AlertLine> resolvedList, List<AlertLine> open) {
        public AlertSummary {
            raisedList = list(raisedList);
            acknowledgedList = list(acknowledgedList);
            resolvedList = list(resolvedList);
            open = list(open);
        }
    }

    /**
     * One alert as a handover lists it; {@code nextStep} for open ones, {@code resolution} (cause and action) for
     * resolved ones; {@code by}, {@code at} and {@code note} tell who moved it into the list's state, when and why.
     */
    public record AlertLine(String id, String type, String station, String severity, String state, String owner,
                            String nextStep, Instant raisedAt, String resolution, String by, Instant at, String note) {
    }

    /** A handover note someone wrote during the shift. */
    public record Note(String author, String name, String text, Instant at) {
    }

    public boolean locked() {
        return status == HandoverStatus.ACCEPTED;
    }
}
