package dev.andon.rules.governance;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * One version of the runbook rules: content hash, who uploaded it and when, its files, its last backtest, who
 * approved it, when it was last activated. {@code source} is "upload" or "rules-folder". {@code active} is filled in
 * when read.
 */
public record RulesetVersion(String version, String hash, String author, Instant createdAt, String source,
                             List<RuleFile> files, int ruleCount, BacktestSummary backtest, String approvedBy,
                             Instant approvedAt, String activatedBy, Instant activatedAt, boolean active) {
    public static final String UPLOAD = "upload";
    public static final String RULES_FOLDER = "rules-folder";

    public RulesetVersion {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** uploaded → backtested → approved → active; a version that was active and is no longer is "inactive". */
    @JsonProperty("status")
    public String status() {
        if (active) {
            return "active";
        }
        if (activatedAt != null) {
            return "inactive";
        }
        if (approvedBy != null) {
            return "approved";
        }
        return backtest != null ? "backtested" : "uploaded";
    }

    RulesetVersion withBacktest(BacktestSummary b) {
        return new RulesetVersion(version, hash, author, createdAt, source, files, ruleCount, b, approvedBy, approvedAt,
                activatedBy, activatedAt, active);
    }

    RulesetVersion approved(String by, Instant at) {
        return new RulesetVersion(version, hash, author, createdAt, source, files, ruleCount, backtest, by, at,
                activatedBy, activatedAt, active);
    }

    RulesetVersion activated(String by, Instant at) {
        return new RulesetVersion(version, hash, author, createdAt, source, files, ruleCount, backtest, approvedBy,
                approvedAt, by, at, active);
    }

    RulesetVersion withActive(boolean isActive) {
        return new RulesetVersion(version, hash, author, createdAt, source, files, ruleCount, backtest, approvedBy,
                approvedAt, activatedBy, activatedAt, isActive);
    }
}
