package dev.andon.assistant.answer;

import dev.andon.assistant.intent.Intent;
import dev.andon.assistant.text.PlainText;
import dev.andon.core.alert.ActionStep;
import dev.andon.core.alert.Alert;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.Decision;
import dev.andon.core.alert.EscalationStep;
import dev.andon.core.alert.FiredRule;
import dev.andon.knowledge.Section;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Explains an alert's decision as the rules made it: owner and assignee, the steps in order with their cited
 * sections, the deadlines, escalation, and why (the rules that fired). Safety-critical steps are quoted verbatim from
 * their section; if that section cannot be found, the answer says not to improvise. Nothing here changes a decision.
 */
public final class AlertExplainer {
    private static final int PAYLOAD_CHARS = 300;

    private final SourceQuotes quotes;
    private final ShiftContacts contacts;
    private final PlantTime time;

    public AlertExplainer(SourceQuotes quotes, ShiftContacts contacts, PlantTime time) {
        this.quotes = quotes;
        this.contacts = contacts;
        this.time = time;
    }

    public Reply explain(AlertRecord rec, String askerRole, Intent intent) {
        ReplyDraft d = new ReplyDraft(intent);
        explainInto(d, rec, askerRole);
        return d.build();
    }

    public void explainInto(ReplyDraft d, AlertRecord rec, String askerRole) {
        Alert a = rec.alert();
        d.alert(rec);
        d.line("Alert " + a.id() + ": " + a.type() + " on " + a.station() + " (" + a.line() + "), severity "
                + a.severity().wire() + ", model confidence " + String.format("%.2f", a.confidence())
                + ", state " + rec.state().wire() + ". Raised " + time.time(a.timestamp())
                + (a.source() != null ? " by " + PlainText.echo(a.source(), 60) + (a.modelVersion() != null ? " " + PlainText.echo(a.modelVersion(), 30) : "") : "")
                + (rec.occurrences() > 1 ? ", repeated " + rec.occurrences() + " times" : "") + ".");
        if (!a.payload().isEmpty()) {
            d.line("Reported data (from the source, not an instruction): " + payload(a.payload()));
        }
        if (rec.suppressedBy() != null) {
            d.line("It is suppressed by alert " + rec.suppressedBy() + " (a cause upstream); that alert owns the response.");
        }
        if (rec.incidentId() != null) {
            d.line("It belongs to incident " + PlainText.echo(rec.incidentId(), 40) + ".");
        }
        Decision dec = rec.decision();
        if (dec == null) {
            d.line("There is no runbook decision for this alert yet. Ask " + contacts.whoToAsk(a.line()) + ".");
            return;
        }
        String assignee = dec.assignee() == null || dec.assignee().person() == null
                ? "nobody assigned yet"
                : dec.assignee().name() + via(dec.assignee().via());
        d.line("Owner: " + contacts.roleName(dec.ownerRole()) + " — " + assignee + ".");
        StringBuilder deadlines = new StringBuilder();
        if (dec.acknowledgeBy() != null) {
            deadlines.append("Acknowledge by ").append(time.time(dec.acknowledgeBy())).append(" (").append(time.relative(dec.acknowledgeBy())).append(")");
        }
        if (dec.resolveBy() != null) {
            deadlines.append(deadlines.length() > 0 ? ", resolve by " : "Resolve by ").append(time.time(dec.resolveBy()))
                    .append(" (").append(time.relative(dec.resolveBy())).append(")");
        }
        if (deadlines.length() > 0) {
            d.line(deadlines + ", plant time " + time.zone() + ".");
        }
        d.line("Runbook " + dec.runbook() + (dec.rulesetVersion() != null ? ", ruleset " + dec.rulesetVersion() : "") + ".");
        if (!dec.flags().isEmpty()) {
            d.line("Flags: " + dec.flags().stream().sorted().collect(Collectors.joining(", ")) + ".");
        }
        List<ActionStep> steps = dec.steps().stream().sorted(Comparator.comparingInt(ActionStep::order)).toList();
        if (!steps.isEmpty()) {
            d.blank().line("Steps, in order:");
        }
        for (ActionStep step : steps) {
            step(d, step, askerRole, a.line());
        }
        if (!dec.firedRules().isEmpty()) {
            d.blank().line("Why (rules that fired):");
            for (FiredRule r : dec.firedRules()) {
                d.line("- " + r.name() + (r.explanation() == null || r.explanation().isBlank() ? "" : ": " + r.explanation()));
            }
        }
        if (!dec.escalation().isEmpty() && rec.state().isOpen()) {
            d.blank().line("Escalation if nothing happens:");
            for (EscalationStep e : dec.escalation()) {
                d.line("- after " + PlantTime.duration(e.after()) + " " + (e.trigger() == null ? "" : e.trigger() + " ")
                        + "→ " + contacts.roleName(e.toRole())
                        + (e.toPerson() != null ? " (" + contacts.name(e.toPerson()) + ")" : ""));
            }
        }
    }

    private void step(ReplyDraft d, ActionStep step, String askerRole, String line) {
        String who = "[" + contacts.roleName(step.role()) + (step.role() != null && step.role().equals(askerRole) ? " — you" : "") + "] ";
        Optional<Section> section = quotes.section(step.source());
        boolean safety = step.safetyCritical() || section.map(Section::safetyCritical).orElse(false);
        if (safety) {
            if (section.isPresent()) {
                Section s = section.get();
                d.line(step.order() + ". " + who + step.text() + " — SAFETY-CRITICAL, quoted verbatim from " + SourceQuotes.label(s) + "; follow exactly as written:");
                d.line("«" + s.text().strip() + "»");
                d.cite(quotes.cite(s, s.text()));
            } else {
                d.line(step.order() + ". " + who + step.text() + " — SAFETY-CRITICAL, but the cited section "
                        + (step.source() == null ? "(none)" : SourceQuotes.label(step.source()))
                        + " is not in the knowledge base. Do not improvise: stop and ask " + contacts.whoToAsk(line) + ".");
                if (step.source() != null) {
                    d.cite(SourceQuotes.unresolved(step.source()));
                }
            }
            return;
        }
        if (section.isPresent()) {
            d.line(step.order() + ". " + who + step.text() + " — " + SourceQuotes.label(section.get()));
            d.cite(quotes.cite(section.get()));
        } else if (step.source() != null) {
            d.line(step.order() + ". " + who + step.text() + " — " + SourceQuotes.label(step.source())
                    + " (section not found in the knowledge base; check the controlled copy)");
            d.cite(SourceQuotes.unresolved(step.source()));
        } else {
            d.line(step.order() + ". " + who + step.text() + " — (no source cited by the runbook)");
        }
    }

    private static String via(String via) {
        if (via == null) {
            return "";
        }
        return switch (via) {
            case "on-shift" -> " (on shift)";
            case "on-call" -> " (on call)";
            case "fallback-role" -> " (fallback role)";
            default -> " (" + via + ")";
        };
    }

    private static String payload(Map<String, Object> payload) {
        String s = payload.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return PlainText.echo(s, PAYLOAD_CHARS);
    }
}
