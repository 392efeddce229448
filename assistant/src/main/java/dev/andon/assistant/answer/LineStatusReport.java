package dev.andon.assistant.answer;

import dev.andon.assistant.intent.Intent;
import dev.andon.assistant.text.PlainText;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.Decision;
import dev.andon.core.line.LineStatus;
import dev.andon.core.store.LineStatusReader;
import dev.andon.core.line.StationState;
import dev.andon.core.line.StationStatus;

import java.util.List;

/** "Status of L2" / "what is open on my line" / "is press 3 running": live station states and open alerts. */
public final class LineStatusReport {
    private final LineStatusReader reader;
    private final ShiftContacts contacts;
    private final PlantTime time;

    public LineStatusReport(LineStatusReader reader, ShiftContacts contacts, PlantTime time) {
        this.reader = reader;
        this.contacts = contacts;
        this.time = time;
    }

    /** {@code station} null = the whole line. The line must exist (callers check the plant first). */
    public Reply status(String line, String station) {
        LineStatus status = reader.read(line);
        ReplyDraft d = new ReplyDraft(Intent.LINE_STATUS);
        List<LineStatus.StationView> views = status.stations().stream()
                .filter(v -> station == null || v.id().equals(station)).toList();
        List<AlertRecord> open = status.openAlerts().stream()
                .filter(a -> station == null || a.alert().station().equals(station)).toList();
        if (station == null) {
            d.line(status.line() + " — " + status.name() + ", live status at " + time.time(time.now()) + ":");
        } else {
            d.line(station + " on " + status.line() + " (" + status.name() + "), live status at " + time.time(time.now()) + ":");
        }
        for (LineStatus.StationView v : views) {
            d.line("- " + v.id() + " (" + v.name() + "): " + state(v.status())
                    + (v.openAlerts() > 0 ? "; " + v.openAlerts() + " open alert" + (v.openAlerts() > 1 ? "s" : "") : ""));
        }
        d.blank();
        if (open.isEmpty()) {
            d.line("No open alerts" + (station == null ? " on " + line : " on " + station) + ".");
        } else {
            d.line("Open alerts (" + open.size() + "), newest first:");
            for (AlertRecord r : open) {
                d.line("- " + alertLine(r));
                d.alert(r);
            }
            d.line("Ask \"what about alert <number>?\" for the steps and their sources.");
        }
        long stopped = views.stream().filter(v -> v.status().state().isStopped()).count();
        if (station == null && stopped > 0) {
            d.line(stopped + " of " + views.size() + " stations are not producing.");
        }
        d.line("Team leader on shift: " + contacts.whoToAsk(line) + ".");
        return d.build();
    }

    String alertLine(AlertRecord r) {
        Decision dec = r.decision();
        StringBuilder sb = new StringBuilder("alert " + r.id() + ": " + r.alert().type() + " on " + r.alert().station()
                + ", " + r.alert().severity().wire() + ", " + r.state().wire());
        if (dec != null) {
            sb.append(" — owner ").append(contacts.roleName(dec.ownerRole()));
            if (dec.assignee() != null && dec.assignee().name() != null) {
                sb.append(" (").append(dec.assignee().name()).append(")");
            }
            if (dec.acknowledgeBy() != null && (r.state().name().equals("NEW") || r.state().name().equals("ASSIGNED"))) {
                sb.append(", acknowledge by ").append(time.time(dec.acknowledgeBy())).append(" (").append(time.relative(dec.acknowledgeBy())).append(")");
            } else if (dec.resolveBy() != null) {
                sb.append(", resolve by ").append(time.time(dec.resolveBy())).append(" (").append(time.relative(dec.resolveBy())).append(")");
            }
        } else {
            sb.append(" — no decision yet");
        }
        return sb.toString();
    }

    private String state(StationStatus s) {
        if (s.state() == StationState.UNKNOWN) {
            return "no state reported yet";
        }
        StringBuilder sb = new StringBuilder(s.state().wire());
        if (s.since() != null) {
            sb.append(" since ").append(time.time(s.since()));
        }
        if (s.reason() != null && !s.reason().isBlank()) {
            sb.append(" — reason ").append(PlainText.echo(s.reason(), 80));
        }
        return sb.toString();
    }
}
