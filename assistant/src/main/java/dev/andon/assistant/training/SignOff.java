package dev.andon.assistant.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Trainer {@code trainer} signed off {@code module} of {@code path} for {@code person}, granting {@code grants} until {@code until}. */
public record SignOff(String person, String path, String module, String trainer, Instant at, List<String> grants,
                      LocalDate until) {
    public SignOff {
        grants = grants == null ? List.of() : List.copyOf(grants);
    }
}
