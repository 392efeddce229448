package dev.andon.web.api;

import dev.andon.core.handover.CarriedAction;
import dev.andon.core.handover.HandoverReport;
import dev.andon.core.handover.HandoverStep;
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

/** A handover report as a self-contained printable page; every text from people or machines is escaped. */
public final class HandoverHtml {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private final ZoneId zone;

    public HandoverHtml(ZoneId zone) {
        this.zone = zone;
    }

    public String render(HandoverReport r) {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Handover ")
                .append(esc(r.id())).append("</title><style>")
                .append("body{font:13px/1.4 system-ui,sans-serif;margin:2em;color:#111}h1{font-size:20px}h2{font-size:15px;border-bottom:1px solid #999;margin-top:1.4em}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:2px 6px;text-align:left}.status{font-weight:bold;text-transform:uppercase}")
                .append("@media print{body{margin:0}a{color:inherit}}</style></head><body>");
        h.append("<h1>Shift handover — ").append(esc(r.lineName())).append(" (").append(esc(r.line())).append("), ")
                .append(esc(r.shift().name())).append(' ').append(r.shift().date()).append("</h1>");
        h.append("<p>").append(time(r.shift().start())).append(" – ").append(time(r.shift().end()))
                .append(" · <span class=\"status\">").append(esc(r.status().wire())).append("</span>")
                .append(r.nextShift() == null ? "" : " · next shift " + esc(r.nextShift())).append("</p>");
        if (r.question() != null) {
            h.append("<p><strong>Question from the incoming leader:</strong> ").append(esc(r.question())).append("</p>");
        }
        h.append("<h2>People</h2><p>Outgoing: ").append(crew(r.outgoing())).append("<br>Incoming: ").append(crew(r.incoming())).append("</p>");
        if (r.incomingGaps() != null && !r.incomingGaps().isEmpty()) {
            h.append("<p><strong>Nobody on the incoming shift is qualified for:</strong></p><ul class=\"gaps\">");
            r.incomingGaps().forEach(g -> h.append("<li>").append(esc(g.text())).append("</li>"));
            h.append("</ul>");
        }
        h.append("<h2>Safety</h2>");
        h.append("<p>Incidents: ").append(items(r.safety().incidents())).append("<br>Near-misses: ")
                .append(items(r.safety().nearMisses())).append("<br>Open lock-outs: ").append(items(r.safety().openLockouts())).append("</p>");
        h.append("<h2>Output and OEE</h2>");
        HandoverReport.Production p = r.production();
        if (p != null) {
            Kpis k = p.kpis().kpis();
            h.append("<table><tr><th>Output</th><th>Plan</th><th>OEE</th><th>Availability</th><th>Performance</th><th>Quality</th><th>Previous shift OEE</th><th>Change</th></tr><tr>")
                    .append("<td>").append(p.output()).append("</td><td>").append(p.plan() == null ? "–" : p.plan()).append("</td><td>")
                    .append(pct(k.oee())).append("</td><td>").append(pct(k.availability())).append("</td><td>").append(pct(k.performance()))
                    .append("</td><td>").append(pct(k.quality())).append("</td><td>").append(pct(p.previousOee())).append("</td><td>")
                    .append(p.oeeChangePoints() == null ? "–" : (p.oeeChangePoints() >= 0 ? "+" : "") + p.oeeChangePoints() + " pts")
                    .append("</td></tr></table>");
        }
        h.append("<h2>Equipment out of service</h2><ul>");
        for (HandoverReport.Equipment e : r.equipmentOutOfService()) {
            h.append("<li>").append(esc(e.station())).append(" (").append(esc(e.name())).append("): ").append(esc(e.state()))
                    .append(e.reason() == null ? "" : ", " + esc(e.reason())).append(e.since() == null ? "" : " since " + time(e.since())).append("</li>");
        }
        r.equipmentNotes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
        h.append("</ul><h2>Quality holds</h2>").append(list(r.qualityHolds(), HandoverHtml::esc));
        h.append("<h2>Downtime Pareto</h2>");
        if (r.downtime().isEmpty()) {
            h.append("<p>No downtime.</p>");
        } else {
            h.append("<table><tr><th>Reason</th><th>Minutes</th><th>Share</th></tr>");
            for (ParetoEntry e : r.downtime()) {
                h.append("<tr><td>").append(esc(e.name())).append("</td><td>").append(Math.round(e.amount() / 60.0))
                        .append("</td><td>").append(Math.round(e.share() * 100)).append("%</td></tr>");
            }
            h.append("</table>");
        }
        HandoverReport.AlertSummary a = r.alerts();
        if (a != null) {
            h.append("<h2>Alerts</h2><p>Raised ").append(a.raised()).append(", acknowledged ").append(a.acknowledged())
                    .append(", resolved ").append(a.resolved()).append(", still open ").append(a.stillOpen()).append(".</p>");
            if (!a.open().isEmpty()) {
                h.append("<table><tr><th>#</th><th>Type</th><th>Station</th><th>State</th><th>Owner</th><th>Next step</th></tr>");
                for (HandoverReport.AlertLine l : a.open()) {
                    h.append("<tr><td>").append(esc(l.id())).append("</td><td>").append(esc(l.type())).append("</td><td>")
                            .append(esc(l.station())).append("</td><td>").append(esc(l.state())).append("</td><td>")
                            .append(esc(l.owner())).append("</td><td>").append(esc(l.nextStep())).append("</td></tr>");
                }
                h.append("</table>");
            }
        }
        h.append("<h2>Actions carried forward</h2>").append(list(r.actions(), (CarriedAction x) -> (x.closed() ? "<s>" : "")
                + esc(x.text()) + (x.closed() ? "</s> (closed)" : "") + (x.owner() == null ? "" : " — " + esc(x.owner()))
                + " <small>since " + esc(x.since()) + "</small>"));
        h.append("<h2>Standing instructions</h2>").append(list(r.standingInstructions(), HandoverHtml::esc));
        h.append("<h2>Notes</h2>");
        if (r.notes() != null) {
            h.append("<p>").append(esc(r.notes())).append("</p>");
        }
        h.append(list(r.shiftNotes(), n -> time(n.at()) + " " + esc(n.name()) + ": " + esc(n.text())));
        h.append("<h2>Sign-off</h2>").append(list(r.history(), (HandoverStep s) -> time(s.at()) + " " + esc(s.action())
                + " by " + esc(s.name()) + " (" + esc(s.by()) + ")" + (s.note() == null ? "" : ": " + esc(s.note()))));
        return h.append("</body></html>").toString();
    }

    private static String crew(List<CrewMember> crew) {
        return crew.isEmpty() ? "nobody rostered" : crew.stream()
                .map(c -> esc(c.name()) + " (" + esc(c.role()) + (c.swapped() ? ", swapped in" : "") + ")")
                .collect(Collectors.joining(", "));
    }

    private static String items(List<String> items) {
        return items.isEmpty() ? "none" : items.stream().map(HandoverHtml::esc).collect(Collectors.joining("; "));
    }

    private static <T> String list(List<T> items, Function<T, String> f) {
        if (items.isEmpty()) {
            return "<p>None.</p>";
        }
        return items.stream().map(i -> "<li>" + f.apply(i) + "</li>").collect(Collectors.joining("", "<ul>", "</ul>"));
    }

    private static String pct(Double d) {
        return d == null ? "–" : Math.round(d * 1000) / 10.0 + "%";
    }

    private String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
