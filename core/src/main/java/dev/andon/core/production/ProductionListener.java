package dev.andon.core.production;

import dev.andon.core.line.StationStatus;

/** Told after a batch is committed: each station whose current state changed, then the batch outcome. */
public interface ProductionListener {
    default void stationChanged(StationStatus status) {
    }

    default void recorded(BatchResult result) {
    }
}
