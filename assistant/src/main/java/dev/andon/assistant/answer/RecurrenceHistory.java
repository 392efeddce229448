package dev.andon.assistant.answer;

import dev.andon.core.resolution.AlertResolutions;
import dev.andon.core.resolution.Recurrence;
import dev.andon.core.resolution.Resolution;
import dev.andon.assistant.text.PlainText;

/** "What fixed it last time": the last resolutions of the same problem on the same station, worded for the chat. */
public final class RecurrenceHistory {
    private final AlertResolutions resolutions;
    private final PlantTime time;

    public RecurrenceHistory(AlertResolutions resolutions, PlantTime time) {
        this.resolutions = resolutions;
        this.time = time;
    }

    /** Empty when the problem is new on this station. */
    public String text(String alertId) {
        Recurrence r = resolutions.recurrence(alertId);
        if (!r.recurs()) {
            return "";
        }
        StringBuilder b = new StringBuilder("This came back: " + r.type() + " on " + r.station() + " was raised "
                + r.raisedThisMonth() + " time" + (r.raisedThisMonth() == 1 ? "" : "s") + " this month.");
        if (!r.lastResolutions().isEmpty()) {
            b.append("\nWhat fixed it last time:");
            for (Resolution x : r.lastResolutions()) {
                b.append("\n- alert ").append(x.alertId()).append(", ").append(time.time(x.resolvedAt())).append(", ")
                        .append(x.resolvedByName()).append(": cause ").append(PlainText.echo(x.cause(), 200))
                        .append("; action ").append(PlainText.echo(x.action(), 200))
                        .append(x.timeToFix() == null ? "" : " (fixed in " + PlantTime.duration(x.timeToFix()) + ")");
            }
        }
        return b.toString();
    }
}
