package dev.andon.assistant.answer;

import dev.andon.assistant.answer.PendingAction;
import dev.andon.assistant.intent.Intent;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.intake.AlertLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Acknowledging through the assistant is two turns: {@link #propose} checks the alert and the asker's permission and
 * asks for an explicit "yes"; {@link #confirm} runs only on the same user's next message, re-checks everything and
 * moves the alert through the lifecycle. Neither step can be triggered by text from a document or an alert.
 */
public final class Acknowledgements {
    public static final Duration CONFIRMATION_WINDOW = Duration.ofMinutes(10);
    static final String NOTE = "acknowledged through the assistant";

    private final AlertHelp alerts;
    private final AcknowledgePolicy policy;
    private final AlertLifecycle lifecycle;
    private final PlantTime time;

    public Acknowledgements(AlertHelp alerts, AcknowledgePolicy policy, AlertLifecycle lifecycle, PlantTime time) {
        this.alerts = alerts;
        this.policy = policy;
        this.lifecycle = lifecycle;
        this.time = time;
    }

    public Reply propose(String alertId, String userId, String role, String line) {
        ReplyDraft d = new ReplyDraft(Intent.ACKNOWLEDGE);
        if (alertId == null) {
            return d.line("Which alert? Acknowledgement is one alert at a time: say for example \"acknowledge alert 42\".").build();
        }
        Optional<AlertRecord> found = alerts.find(alertId);
        if (found.isEmpty()) {
            return d.line("There is no alert " + alertId + ", so there is nothing to acknowledge.").build();
        }
        AlertRecord rec = found.get();
        d.alert(rec);
        String what = "alert " + rec.id() + " (" + rec.alert().type() + " on " + rec.alert().station() + ", " + rec.alert().line() + ")";
        if (!rec.state().canMoveTo(AlertState.ACKNOWLEDGED)) {
            return d.line("Alert " + rec.id() + " is " + rec.state().wire() + " and cannot be acknowledged"
                    + (rec.state() == AlertState.NEW ? " until the runbook has assigned it" : "") + ".").build();
        }
        if (!policy.allows(rec, userId, role, line)) {
            return d.line("You (" + userId + ", " + role + ") may not acknowledge " + what + ". It may be acknowledged by "
                    + policy.whoMay(rec) + ".").build();
        }
        Instant now = time.now();
        String prompt = "Acknowledge " + what + " as " + userId + "? Reply \"yes\" to confirm or \"no\" to cancel.";
        PendingAction pending = new PendingAction(PendingAction.ACKNOWLEDGE, rec.id(), userId, now, now.plus(CONFIRMATION_WINDOW), prompt);
        return d.line(prompt).pending(pending).build();
    }

    public Reply confirm(PendingAction pending, String userId, String role, String line) {
        ReplyDraft d = new ReplyDraft(Intent.CONFIRM);
        if (!pending.requestedBy().equals(userId)) {
            return d.line("Only " + pending.requestedBy() + ", who asked for it, can confirm this.").build();
        }
        if (time.now().isAfter(pending.expiresAt())) {
            return d.line("The request to acknowledge alert " + pending.alertId() + " has lapsed (after "
                    + PlantTime.duration(CONFIRMATION_WINDOW) + "). Ask again if it is still needed.").build();
        }
        Optional<AlertRecord> found = alerts.find(pending.alertId());
        if (found.isEmpty()) {
            return d.line("Alert " + pending.alertId() + " no longer exists.").build();
        }
        AlertRecord rec = found.get();
        d.alert(rec);
        if (!policy.allows(rec, userId, role, line)) {
            return d.line("You may no longer acknowledge alert " + rec.id() + ". It may be acknowledged by " + policy.whoMay(rec) + ".").build();
        }
        try {
            AlertRecord done = lifecycle.transition(rec.id(), AlertState.ACKNOWLEDGED, policy.asker(userId).orElseThrow(), NOTE);
            d.alert(done);
            return d.line("Done: alert " + done.id() + " is acknowledged by " + userId + " at " + time.time(time.now())
                    + ". Escalation for lack of acknowledgement has stopped; the resolve-by deadline still applies.").build();
        } catch (ConflictException e) {
            return d.line("Alert " + rec.id() + " could not be acknowledged: " + e.getMessage() + ".").build();
        } catch (ForbiddenException e) {
            return d.line("You may not acknowledge alert " + rec.id() + ": " + e.getMessage() + ".").build();
        } catch (NotFoundException e) {
            return d.line("Alert " + rec.id() + " no longer exists.").build();
        }
    }
}
