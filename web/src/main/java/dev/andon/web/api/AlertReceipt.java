package dev.andon.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Assignee;
import dev.andon.core.alert.Decision;
import dev.andon.core.alert.Severity;

import java.time.Instant;
import java.util.List;

/**
 * The 202 answer to {@code POST /api/alerts}: what was kept and decided, in the shape of the stored record but without
 * its long parts (the runbook's steps, escalation plan, fired rules, lifecycle history, payload), which {@code link}
 * serves. Senders raise thousands of alerts a second and read an id and an owner, if anything; the whole record was
 * about 4 KB of JSON to encode and send per alert. Fields present here mean what they mean in the record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertReceipt(String id, AlertState state, AlertRef alert, DecisionSummary decision, int occurrences,
                           String incidentId, String suppressedBy, String link) {

    /** The alert as raised: enough to tell which one it was. */
    public record AlertRef(String id, String source, String line, String station, String type, Severity severity) {
    }

    /** Who owns it, by when, under which ruleset; the steps and the reasons are behind {@code link}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionSummary(String runbook, String ownerRole, Assignee assignee, Instant acknowledgeBy,
                                  Instant resolveBy, List<String> flags, String rulesetVersion) {
    }

    public static AlertReceipt of(AlertRecord rec) {
        var a = rec.alert();
        Decision d = rec.decision();
        DecisionSummary summary = d == null ? null : new DecisionSummary(d.runbook(), d.ownerRole(), d.assignee(),
                d.acknowledgeBy(), d.resolveBy(), d.flags().stream().sorted().toList(), d.rulesetVersion());
        return new AlertReceipt(rec.id(), rec.state(), new AlertRef(a.id(), a.source(), a.line(), a.station(), a.type(),
                a.severity()), summary, rec.occurrences(), rec.incidentId(), rec.suppressedBy(), "/api/alerts/" + rec.id());
    }
}
