package dev.andon.rules.decision;

import dev.andon.core.line.StationStatus;

import java.time.Instant;
import java.util.List;

/**
 * Everything besides the alert and the plant that a decision was made from, kept with the alert so that a backtest
 * replays the same situation: when (which shift), the station's state, noise-control findings, recent history and
 * the silences that covered it.
 */
public record DecisionInputs(Instant at, StationStatus station, int occurrences, boolean flapping,
                             HistoryCounts history, List<String> silenceIds) {
    public DecisionInputs {
        silenceIds = silenceIds == null ? List.of() : List.copyOf(silenceIds);
    }
}
