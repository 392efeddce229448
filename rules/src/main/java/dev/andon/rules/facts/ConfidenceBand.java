package dev.andon.rules.facts;

/**
 * Where the alert's confidence lies against the threshold for its type: {@code act} at or above it (the action
 * runbook applies), {@code verify} below it (a manual check comes first). Inserted by the threshold rules.
 */
public final class ConfidenceBand implements Describable {
    public static final String ACT = "act";
    public static final String VERIFY = "verify";

    private final String type;
    private final double confidence;
    private final double threshold;
    private final String band;

    public ConfidenceBand(AlertFact alert, double threshold) {
        this.type = alert.getType();
        this.confidence = alert.getConfidence();
        this.threshold = threshold;
        this.band = confidence >= threshold ? ACT : VERIFY;
    }

    public String getType() { return type; }
    public double getConfidence() { return confidence; }
    public double getThreshold() { return threshold; }
    public String getBand() { return band; }

    @Override
    public String describe() {
        return "confidence " + AlertFact.percent(confidence) + (ACT.equals(band) ? " is at or above" : " is below")
                + " the " + AlertFact.percent(threshold) + " threshold for " + type
                + (ACT.equals(band) ? ": act" : ": verify first");
    }

    @Override
    public String toString() {
        return describe();
    }
}
