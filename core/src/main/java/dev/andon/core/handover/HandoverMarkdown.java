package dev.andon.core.handover;

import dev.andon.core.production.Kpis;
import dev.andon.core.production.ParetoEntry;
import dev.andon.core.shift.CrewMember;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A handover report as Markdown, in the order people go through it at the handover; times in plant time. */
public final class HandoverMarkdown {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final ZoneId zone;

    public HandoverMarkdown(ZoneId zone) {
        this.zone = zone;
    }

    public String render(HandoverReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# Shift handover — ").append(text(r.lineName())).append(" (").append(r.line()).append("), ")
                .append(text(r.shift().name())).append(' ').append(r.shift().date()).append("\n\n");
        md.append("Shift ").append(time(r.shift().start())).append(" – ").append(time(r.shift().end()))
                .append(" · status **").append(r.status().wire()).append("**")
                .append(r.nextShift() == null ? "" : " · next shift " + r.nextShift()).append("\n\n");
        if (r.question() != null && r.status() == HandoverStatus.SENT_BACK) {
            md.append("> Sent back with a question: ").append(text(r.question())).append("\n\n");
        }
        md.append("## People\n\n");
        md.append("- Outgoing: ").append(crew(r.outgoing())).append('\n');
        md.append("- Incoming: ").append(crew(r.incoming())).append('\n');
        if (r.incomingGaps() != null) {
            md.append(r.incomingGaps().isEmpty() ? "- Skills: someone on the incoming shift is qualified for every required skill\n"
                    : "- Skills nobody on the incoming shift is qualified for:\n");
            r.incomingGaps().forEach(g -> md.append("  - ").append(text(g.text())).append('\n'));
        }
        md.append('\n');
        md.append("## Safety\n\n");
        list(md, "Incidents", r.safety().incidents());
        list(md, "Near-misses", r.safety().nearMisses());
        list(md, "Open lock-outs", r.safety().openLockouts());
        md.append("\n## Output and OEE\n\n");
        HandoverReport.Production p = r.production();
        if (p != null) {
            Kpis k = p.kpis().kpis();
            md.append("- Output: ").append(p.output()).append(" good parts").append(p.plan() == null ? "" : " of " + p.plan() + " planned")
                    .append('\n');
            md.append("- OEE ").append(pct(k.oee())).append(" (availability ").append(pct(k.availability()))
                    .append(", performance ").append(pct(k.performance())).append(", quality ").append(pct(k.quality()))
                    .append(")");
            if (p.previousOee() != null) {
                md.append("; previous shift ").append(pct(p.previousOee()));
                if (p.oeeChangePoints() != null) {
                    md.append(", change ").append(p.oeeChangePoints() >= 0 ? "+" : "").append(p.oeeChangePoints()).append(" points");
                }
            }
            md.append('\n');
            md.append("- Scrap ").append(k.scrap()).append(", rework ").append(k.rework()).append('\n');
        }
        md.append("\n## Equipment out of service\n\n");
        if (r.equipmentOutOfService().isEmpty() && r.equipmentNotes().isEmpty()) {
            md.append("None.\n");
        }
        for (HandoverReport.Equipment e : r.equipmentOutOfService()) {
            md.append("- ").append(e.station()).append(" (").append(text(e.name())).append("): ").append(e.state())
                    .append(e.reason() == null ? "" : ", " + text(e.reason()))
                    .append(e.since() == null ? "" : " since " + time(e.since())).append('\n');
        }
        r.equipmentNotes().forEach(n -> md.append("- ").append(text(n)).append('\n'));
        md.append("\n## Quality holds\n\n");
        bullets(md, r.qualityHolds(), HandoverMarkdown::text);
        md.append("\n## Downtime Pareto\n\n");
        if (r.downtime().isEmpty()) {
            md.append("No downtime.\n");
        } else {
            md.append("| reason | minutes | share |\n|---|---:|---:|\n");
            for (ParetoEntry e : r.downtime()) {
                md.append("| ").append(text(e.name())).append(" | ").append(Math.round(e.amount() / 60.0)).append(" | ")
                        .append(Math.round(e.share() * 100)).append("% |\n");
            }
        }
        HandoverReport.AlertSummary a = r.alerts();
        if (a != null) {
            md.append("\n## Alerts\n\n");
            md.append("Raised ").append(a.raised()).append(", acknowledged ").append(a.acknowledged()).append(", resolved ")
                    .append(a.resolved()).append(", still open ").append(a.stillOpen()).append(".\n\n");
            if (!a.open().isEmpty()) {
                md.append("Still open:\n\n");
                for (HandoverReport.AlertLine l : a.open()) {
                    md.append("- #").append(l.id()).append(' ').append(l.type()).append(" on ").append(l.station())
                            .append(" — ").append(l.state()).append(", owner ").append(text(l.owner() == null ? "nobody" : l.owner()))
                            .append(l.nextStep() == null ? "" : ", next: " + text(l.nextStep())).append('\n');
                }
                md.append('\n');
            }
            if (!a.resolvedList().isEmpty()) {
                md.append("Resolved:\n\n");
                for (HandoverReport.AlertLine l : a.resolvedList()) {
                    md.append("- #").append(l.id()).append(' ').append(l.type()).append(" on ").append(l.station())
                            .append(l.resolution() == null ? "" : " — " + text(l.resolution())).append('\n');
                }
            }
        }
        md.append("\n## Actions carried forward\n\n");
        bullets(md, r.actions(), x -> (x.closed() ? "~~" : "") + text(x.text()) + (x.closed() ? "~~ (closed)" : "")
                + (x.owner() == null ? "" : " — " + text(x.owner())) + " (since " + x.since() + ")");
        md.append("\n## Standing instructions\n\n");
        bullets(md, r.standingInstructions(), HandoverMarkdown::text);
        md.append("\n## Notes\n\n");
        if (r.notes() != null && !r.notes().isBlank()) {
            md.append(text(r.notes())).append("\n\n");
        }
        bullets(md, r.shiftNotes(), n -> time(n.at()) + " " + text(n.name()) + ": " + text(n.text()));
        md.append("\n## Sign-off\n\n");
        for (HandoverStep s : r.history()) {
            md.append("- ").append(time(s.at())).append(' ').append(s.action()).append(" by ").append(text(s.name()))
                    .append(" (").append(s.by()).append(')').append(s.note() == null ? "" : ": " + text(s.note())).append('\n');
        }
        return md.toString();
    }

    private static void list(StringBuilder md, String title, List<String> items) {
        md.append("- ").append(title).append(": ").append(items.isEmpty() ? "none" : items.stream()
                .map(HandoverMarkdown::text).collect(Collectors.joining("; "))).append('\n');
    }

    private static <T> void bullets(StringBuilder md, List<T> items, Function<T, String> f) {
        if (items.isEmpty()) {
            md.append("None.\n");
        }
        items.forEach(i -> md.append("- ").append(f.apply(i)).append('\n'));
    }

    private static String crew(List<CrewMember> crew) {
        return crew.isEmpty() ? "nobody rostered" : crew.stream()
                .map(c -> c.name() + " (" + c.role() + (c.swapped() ? ", swapped in" : "") + ")")
                .collect(Collectors.joining(", "));
    }

    static String pct(Double d) {
        return d == null ? "n/a" : Math.round(d * 1000) / 10.0 + "%";
    }

    private String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** People's text on one line, with Markdown's active characters escaped so a note cannot restyle the report. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.replaceAll("[\\r\\n]+", " ").replaceAll("([\\\\`*_\\[\\]<>#|~])", "\\\\$1");
    }
}
