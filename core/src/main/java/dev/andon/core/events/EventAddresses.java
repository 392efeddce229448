package dev.andon.core.events;

/**
 * Event-bus addresses shared by the modules. Payloads are the JSON of the named record. Kept as plain strings so
 * that a clustered event bus can carry them between nodes.
 */
public final class EventAddresses {
    /** An alert got its decision (payload: AlertRecord). */
    public static final String ALERT_DECIDED = "andon.alert.decided";
    /** An alert changed state, repeated, or was escalated (payload: AlertRecord). */
    public static final String ALERT_CHANGED = "andon.alert.changed";
    /** A station reported a new state (payload: StationStatus). */
    public static final String STATION_STATUS = "andon.station.status";
    /** A batch of line events was stored (payload: BatchResult): production figures changed. */
    public static final String LINE_EVENTS = "andon.line.events";
    /** A handover report took a step: drafted, edited, signed, sent back, accepted (payload: HandoverStepEvent). */
    public static final String HANDOVER_STEP = "andon.handover.step";

    private EventAddresses() {
    }
}
