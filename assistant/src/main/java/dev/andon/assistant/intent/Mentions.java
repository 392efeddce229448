package dev.andon.assistant.intent;

/**
 * What a message names, resolved against the plant: a line, a station (with the line it belongs to), an alert id, a
 * role. {@code unknownLine}/{@code unknownStation}/{@code unknownRole} keep what looked like a name but matched
 * nothing, so the answer can say so instead of guessing. {@code myLine} is set for "my line" / "our line".
 */
public record Mentions(String line, String station, String stationLine, String alertId, String role,
                       String unknownLine, String unknownStation, String unknownRole, boolean myLine,
                       boolean stationByEquipment) {

    public static Mentions none() {
        return new Mentions(null, null, null, null, null, null, null, null, false, false);
    }

    public boolean any() {
        return line != null || station != null || alertId != null || role != null || unknownLine != null
                || unknownStation != null || myLine;
    }

    /** The line the message points at: named, or the line of the named station. */
    public String effectiveLine() {
        return line != null ? line : stationLine;
    }
}
