package dev.andon.assistant.answer;

import dev.andon.assistant.intent.Intent;
import dev.andon.assistant.text.PlainText;
import dev.andon.core.handover.CarriedAction;
import dev.andon.core.handover.HandoverReport;
import dev.andon.core.handover.Handovers;
import dev.andon.core.identity.Principal;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.production.Kpis;
import dev.andon.core.production.ParetoEntry;
import dev.andon.core.shift.CrewMember;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Summarise this shift", "summarise the last shift on L2", "what was handed over to me": renders the shift handover
 * engine's report as chat text. The figures, alerts and notes are the report's; this class only words them.
 */
public final class ShiftSummaryReport {
    /** Which shift a summary is about. */
    public enum Which { CURRENT, LAST }

    private static final int LISTED = 10;

    private final Plant plant;
    private final Handovers handovers;
    private final ShiftContacts contacts;
    private final PlantTime time;

    public ShiftSummaryReport(Plant plant, Handovers handovers, ShiftContacts contacts, PlantTime time) {
        this.plant = plant;
        this.handovers = handovers;
        this.contacts = contacts;
        this.time = time;
    }

    /** The shift running now (or, between shifts, the one that just ended); {@code line} null = every line. */
    public Reply summary(String line) {
        return summary(line, Which.CURRENT);
    }

    public Reply summary(String line, Which which) {
        ReplyDraft d = new ReplyDraft(Intent.SHIFT_SUMMARY);
        List<Line> scope = line == null ? plant.lines() : plant.line(line).map(List::of).orElse(List.of());
        for (Line l : scope) {
            Optional<HandoverReport> report = report(l.id(), which);
            if (report.isEmpty()) {
                d.line("No shift " + (which == Which.LAST ? "has ended" : "is running") + " on " + l.id() + ".");
            } else {
                render(d, report.get(), which == Which.CURRENT && report.get().shift().contains(time.now()));
            }
            d.blank();
        }
        return d.build();
    }

    /** The latest report handed over to {@code userId} (they are in its incoming crew). */
    public Reply handedOverTo(String userId) {
        ReplyDraft d = new ReplyDraft(Intent.SHIFT_SUMMARY);
        Optional<HandoverReport> report = userId == null ? Optional.empty() : handovers.handedOverTo(userId);
        if (report.isEmpty()) {
            return d.line("No handover names you as incoming" + (userId == null ? "" : " (" + contacts.name(userId) + ")")
                    + " yet. Reports are drafted at the end of each shift, for the crew rostered on the next one.").build();
        }
        HandoverReport r = report.get();
        d.line("Handed over to you: " + r.id() + " — " + statusText(r) + ".");
        render(d, r, false);
        return d.build();
    }

    private Optional<HandoverReport> report(String line, Which which) {
        Principal reader = Principal.system("assistant");
        var calendar = handovers.calendar();
        var occurrence = which == Which.CURRENT
                ? calendar.current(line, time.now()).or(() -> calendar.previous(line, time.now()))
                : calendar.previous(line, time.now());
        return occurrence.map(o -> handovers.view(reader, o.key()));
    }

    private void render(ReplyDraft d, HandoverReport r, boolean running) {
        d.line("Shift summary for " + r.line() + " (" + r.lineName() + ") — " + r.shift().name() + ", since "
                + time.time(r.shift().start()) + (running ? ", now " + time.time(time.now()) : ", until " + time.time(r.shift().end()))
                + ":");
        if (!running) {
            d.line("Handover " + statusText(r) + ".");
        }
        d.line("On shift: " + crew(r.outgoing()) + ".");
        if (!r.incoming().isEmpty()) {
            d.line("Next shift: " + crew(r.incoming()) + ".");
        }
        if (r.incomingGaps() != null && !r.incomingGaps().isEmpty()) {
            d.line("Skills gap on the next shift: " + r.incomingGaps().stream().map(g -> g.text()).collect(java.util.stream.Collectors.joining("; ")) + ".");
        }
        HandoverReport.Production p = r.production();
        if (p != null) {
            Kpis k = p.kpis().kpis();
            d.line("Output: " + p.output() + " good parts" + (p.plan() == null ? "" : " of " + p.plan() + " planned")
                    + "; OEE " + pct(k.oee()) + " (availability " + pct(k.availability()) + ", performance "
                    + pct(k.performance()) + ", quality " + pct(k.quality()) + ")"
                    + (p.previousOee() == null ? "" : "; previous shift " + pct(p.previousOee())
                    + (p.oeeChangePoints() == null ? "" : ", " + (p.oeeChangePoints() >= 0 ? "+" : "") + p.oeeChangePoints() + " points"))
                    + ".");
        }
        if (!r.downtime().isEmpty()) {
            d.line("Downtime: " + r.downtime().stream().limit(5)
                    .map((ParetoEntry e) -> e.name() + " " + PlantTime.duration(java.time.Duration.ofSeconds(e.amount())))
                    .collect(Collectors.joining("; ")) + ".");
        }
        section(d, "Equipment out of service", r.equipmentOutOfService(), e -> e.station() + " " + e.state()
                + (e.reason() == null ? "" : " (" + PlainText.echo(e.reason(), 60) + ")")
                + (e.since() == null ? "" : " since " + time.time(e.since())));
        HandoverReport.Safety s = r.safety();
        if (!s.incidents().isEmpty() || !s.nearMisses().isEmpty() || !s.openLockouts().isEmpty()) {
            section(d, "Safety", concat(s.incidents(), s.nearMisses(), s.openLockouts()), x -> echo(x, 200));
        }
        HandoverReport.AlertSummary a = r.alerts();
        if (a != null) {
            d.line("Raised this shift (" + a.raised() + ")" + (a.raised() == 0 ? ": none." : ":"));
            a.raisedList().stream().limit(LISTED).forEach(l -> d.line("- " + describe(l) + " at " + time.time(l.raisedAt())));
            more(d, a.raised(), LISTED);
            section(d, "Acknowledged this shift", a.acknowledgedList(), l -> describe(l) + " by " + l.by() + " at " + time.time(l.at()));
            section(d, "Resolved this shift", a.resolvedList(), l -> describe(l) + " by " + l.by() + " at " + time.time(l.at())
                    + (l.resolution() != null ? " — " + echo(l.resolution(), 200)
                    : l.note() != null && !l.note().isBlank() ? " — " + echo(l.note(), 120) : ""));
            section(d, "Still open", a.open(), l -> describe(l) + ", " + l.state() + ", owner " + (l.owner() == null ? "nobody" : l.owner())
                    + (l.nextStep() == null ? "" : ", next: " + echo(l.nextStep(), 160)));
        }
        section(d, "Quality holds", r.qualityHolds(), x -> echo(x, 200));
        section(d, "Actions carried forward", r.actions().stream().filter(x -> !x.closed()).toList(),
                (CarriedAction x) -> echo(x.text(), 200) + (x.owner() == null ? "" : " (" + contacts.name(x.owner()) + ")"));
        section(d, "Standing instructions", r.standingInstructions(), x -> echo(x, 200));
        section(d, "Handover notes this shift", r.shiftNotes(), n -> time.time(n.at()) + " " + n.name() + ": \""
                + PlainText.echo(n.text(), 300) + "\"");
        if (r.notes() != null && !r.notes().isBlank()) {
            d.line("Leader's notes: \"" + PlainText.echo(r.notes(), 600) + "\"");
        }
    }

    private String statusText(HandoverReport r) {
        return switch (r.status()) {
            case DRAFT -> "draft, not signed yet";
            case SIGNED -> "signed by the outgoing leader, waiting for acceptance";
            case SENT_BACK -> "sent back with a question: \"" + PlainText.echo(r.question(), 200) + "\"";
            case ACCEPTED -> "accepted and locked";
        };
    }

    private static String describe(HandoverReport.AlertLine l) {
        return "alert " + l.id() + " " + l.type() + " on " + l.station() + (l.severity() == null ? "" : " (" + l.severity() + ")");
    }

    private String crew(List<CrewMember> crew) {
        return crew.isEmpty() ? "nobody rostered" : crew.stream()
                .map(c -> contacts.roleName(c.role()) + " " + c.name()).collect(Collectors.joining("; "));
    }

    private static String pct(Double v) {
        return v == null ? "n/a" : Math.round(v * 1000) / 10.0 + "%";
    }

    private static String echo(String s, int max) {
        return PlainText.echo(s, max);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static void more(ReplyDraft d, int total, int shown) {
        if (total > shown) {
            d.line("- … and " + (total - shown) + " more");
        }
    }

    private static <T> void section(ReplyDraft d, String title, List<T> items, Function<T, String> f) {
        if (items.isEmpty()) {
            d.line(title + ": none.");
            return;
        }
        d.line(title + " (" + items.size() + "):");
        items.stream().limit(LISTED).forEach(i -> d.line("- " + f.apply(i)));
        more(d, items.size(), LISTED);
    }
}
