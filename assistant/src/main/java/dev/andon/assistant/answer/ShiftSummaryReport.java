package dev.andon.assistant.answer;

import dev.andon.assistant.intent.Intent;
import dev.andon.assistant.text.PlainText;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Transition;
import dev.andon.core.handover.HandoverNote;
import dev.andon.core.handover.HandoverNoteStore;
import dev.andon.core.line.LineStatus;
import dev.andon.core.store.LineStatusReader;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.ShiftRoster;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "Summarise this shift": since the start of the current shift, per line — who is on shift, station states, alerts
 * raised, acknowledged and resolved, what is still open with its owner and deadline, and the handover notes.
 */
public final class ShiftSummaryReport {
    /** Alerts that changed this shift were, in practice, raised within this window; older open ones are added separately. */
    private static final Duration LOOKBACK = Duration.ofDays(2);

    private final Plant plant;
    private final AlertStore alerts;
    private final LineStatusReader lines;
    private final HandoverNoteStore notes;
    private final ShiftContacts contacts;
    private final PlantTime time;
    private final LineStatusReport status;

    public ShiftSummaryReport(Plant plant, AlertStore alerts, LineStatusReader lines, HandoverNoteStore notes,
                              ShiftContacts contacts, PlantTime time, LineStatusReport status) {
        this.plant = plant;
        this.alerts = alerts;
        this.lines = lines;
        this.notes = notes;
        this.contacts = contacts;
        this.time = time;
        this.status = status;
    }

    /** {@code line} null = every line. */
    public Reply summary(String line) {
        Instant now = time.now();
        Instant start = contacts.roster().shiftStart(now).orElse(now.minus(Duration.ofHours(8)));
        ReplyDraft d = new ReplyDraft(Intent.SHIFT_SUMMARY);
        List<Line> scope = line == null ? plant.lines() : plant.line(line).map(List::of).orElse(List.of());
        for (Line l : scope) {
            summariseLine(d, l, start);
            d.blank();
        }
        return d.build();
    }

    private void summariseLine(ReplyDraft d, Line line, Instant start) {
        d.line("Shift summary for " + line.id() + " (" + line.name() + ") — " + contacts.shiftName() + ", since "
                + time.time(start) + ", now " + time.time(time.now()) + ":");
        List<ShiftRoster.OnShift> people = contacts.roster().onShift(time.now()).stream()
                .filter(o -> o.line().equals(line.id())).toList();
        d.line("On shift: " + (people.isEmpty() ? "nobody rostered" : people.stream()
                .map(o -> contacts.roleName(o.role()) + " " + o.person().name()).collect(Collectors.joining("; "))) + ".");
        LineStatus ls = lines.read(line.id());
        d.line("Stations: " + ls.stations().stream().map(v -> v.id() + " " + (v.status().state().name().equals("UNKNOWN")
                ? "no state reported" : v.status().state().wire() + (v.status().reason() != null ? " (" + PlainText.echo(v.status().reason(), 60) + ")" : "")
                + (v.status().since() != null ? " since " + time.time(v.status().since()) : ""))).collect(Collectors.joining("; ")) + ".");

        Map<String, AlertRecord> seen = new LinkedHashMap<>();
        for (AlertRecord r : alerts.list(new AlertQuery(line.id(), null, null, false, start.minus(LOOKBACK), Integer.MAX_VALUE))) {
            seen.put(r.id(), r);
        }
        for (AlertRecord r : ls.openAlerts()) {
            seen.putIfAbsent(r.id(), r);
        }
        List<AlertRecord> raised = new ArrayList<>();
        List<String> acknowledged = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        List<String> escalated = new ArrayList<>();
        for (AlertRecord r : seen.values()) {
            if (!r.alert().receivedAt().isBefore(start)) {
                raised.add(r);
            }
            transitionIn(r, AlertState.ACKNOWLEDGED, start).ifPresent(t -> acknowledged.add(describe(r) + " by " + contacts.name(t.actor()) + " at " + time.time(t.at())));
            transitionIn(r, AlertState.RESOLVED, start).ifPresent(t -> resolved.add(describe(r) + " by " + contacts.name(t.actor()) + " at " + time.time(t.at())
                    + (t.note() != null && !t.note().isBlank() ? " — " + PlainText.echo(t.note(), 120) : "")));
            transitionIn(r, AlertState.ESCALATED, start).ifPresent(t -> escalated.add(describe(r) + " at " + time.time(t.at())));
        }
        section(d, "Raised this shift", raised.stream().map(r -> describe(r) + " at " + time.time(r.alert().receivedAt())).toList());
        section(d, "Acknowledged this shift", acknowledged);
        section(d, "Escalated this shift", escalated);
        section(d, "Resolved this shift", resolved);
        List<String> open = seen.values().stream().filter(r -> r.state().isOpen()).map(status::alertLine).toList();
        section(d, "Still open", open);
        seen.values().forEach(r -> {
            if (r.state().isOpen() || !r.alert().receivedAt().isBefore(start)) {
                d.alert(r);
            }
        });
        List<HandoverNote> shiftNotes = notes.list(line.id(), start);
        section(d, "Handover notes this shift", shiftNotes.stream()
                .map(n -> time.time(n.at()) + " " + contacts.name(n.author()) + ": \"" + PlainText.echo(n.text(), 300) + "\"").toList());
    }

    private static Optional<Transition> transitionIn(AlertRecord r, AlertState to, Instant since) {
        return r.history().stream().filter(t -> t.to() == to && !t.at().isBefore(since)).reduce((a, b) -> b);
    }

    private static String describe(AlertRecord r) {
        return "alert " + r.id() + " " + r.alert().type() + " on " + r.alert().station() + " (" + r.alert().severity().wire() + ")";
    }

    private static void section(ReplyDraft d, String title, List<String> items) {
        if (items.isEmpty()) {
            d.line(title + ": none.");
            return;
        }
        d.line(title + " (" + items.size() + "):");
        items.forEach(i -> d.line("- " + i));
    }
}
