package dev.andon.core.alert;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Who owns the alert and how they were chosen ({@code via}: on-shift, fallback-role, on-call, nobody). When the runbook
 * needs a qualification, {@code missingQualification} names it if anyone on shift was passed over for lacking it, and
 * {@code skipped} lists whom, with why (in training, lapsed, not qualified).
 */
public record Assignee(String person, String name, String role, String via, String missingQualification,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Skipped> skipped) {
    public Assignee {
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    public Assignee(String person, String name, String role, String via) {
        this(person, name, role, via, null, List.of());
    }

    /** Someone on shift in the role who was not given the alert, and why. */
    public record Skipped(String person, String name, String role, String reason) {
    }
}
