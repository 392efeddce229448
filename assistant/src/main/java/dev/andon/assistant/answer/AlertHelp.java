package dev.andon.assistant.answer;

import dev.andon.assistant.intent.Intent;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * "What about alert 42?" and "press-3 is flagging vibration, what do I do?": finds the alert (by id, or the open
 * alert on the station) and explains its decision; with no open alert on the station, answers from the runbook
 * documents for that station instead.
 */
public final class AlertHelp {
    private final AlertStore alerts;
    private final AlertExplainer explainer;
    private final KnowledgeAnswerer knowledge;
    private final RecurrenceHistory recurrence;

    public AlertHelp(AlertStore alerts, AlertExplainer explainer, KnowledgeAnswerer knowledge) {
        this(alerts, explainer, knowledge, null);
    }

    /** With {@code recurrence}, an explained alert also says what fixed the same problem before. */
    public AlertHelp(AlertStore alerts, AlertExplainer explainer, KnowledgeAnswerer knowledge,
                     RecurrenceHistory recurrence) {
        this.alerts = alerts;
        this.explainer = explainer;
        this.knowledge = knowledge;
        this.recurrence = recurrence;
    }

    public Optional<AlertRecord> find(String alertId) {
        return alerts.find(alertId);
    }

    public Reply forAlert(String alertId, String askerRole, String line) {
        Optional<AlertRecord> rec = alerts.find(alertId);
        if (rec.isEmpty()) {
            ReplyDraft d = new ReplyDraft(Intent.ALERT_HELP);
            d.line("There is no alert " + alertId + ".");
            openList(d, line, null);
            return d.build();
        }
        return withHistory(explainer.explain(rec.get(), askerRole, Intent.ALERT_HELP), rec.get().id());
    }

    private Reply withHistory(Reply reply, String alertId) {
        String history = recurrence == null ? "" : recurrence.text(alertId);
        return history.isEmpty() ? reply : reply.withText(reply.text() + "\n\n" + history);
    }

    public Reply forStation(String line, String station, String question, String askerRole,
                            Collection<String> scopeWords) {
        List<AlertRecord> open = alerts.list(new AlertQuery(line, station, null, true, null, 20));
        if (open.isEmpty()) {
            return knowledge.answer(question, askerRole, line, station, scopeWords, Intent.ALERT_HELP,
                    "There is no open alert on " + station + " (" + line + ") right now.");
        }
        ReplyDraft d = new ReplyDraft(Intent.ALERT_HELP);
        explainer.explainInto(d, open.get(0), askerRole);
        if (open.size() > 1) {
            d.blank().line("Also open on " + station + ":");
            for (AlertRecord r : open.subList(1, open.size())) {
                d.line("- alert " + r.id() + ": " + r.alert().type() + ", " + r.alert().severity().wire() + ", " + r.state().wire());
                d.alert(r);
            }
        }
        return withHistory(d.build(), open.get(0).id());
    }

    private void openList(ReplyDraft d, String line, String station) {
        if (line == null) {
            return;
        }
        List<AlertRecord> open = alerts.list(new AlertQuery(line, station, null, true, null, 10));
        if (open.isEmpty()) {
            d.line("There are no open alerts on " + line + ".");
            return;
        }
        d.line("Open alerts on " + line + ":");
        for (AlertRecord r : open) {
            d.line("- alert " + r.id() + ": " + r.alert().type() + " on " + r.alert().station() + ", "
                    + r.alert().severity().wire() + ", " + r.state().wire());
        }
    }
}
