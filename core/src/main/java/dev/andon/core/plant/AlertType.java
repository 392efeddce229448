package dev.andon.core.plant;

/** A kind of alert the plant expects (vibration-anomaly, vision-defect…); category groups them for routing. */
public record AlertType(String id, String name, String category, String description) {
}
