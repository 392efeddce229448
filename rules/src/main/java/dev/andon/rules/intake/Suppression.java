package dev.andon.rules.intake;

import java.util.List;

/**
 * Why an alert is suppressed: {@code cause} is the id of the alert that explains it (inhibition), or
 * "station:L2/press-3" when the stopped station has no alert, or "silence:7" for a silence or maintenance window.
 */
public record Suppression(String cause, String note, List<String> silenceIds) {
}
