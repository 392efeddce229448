package dev.andon.assistant.offline;

import dev.andon.assistant.ChatRequest;
import dev.andon.assistant.answer.Abilities;
import dev.andon.assistant.answer.Acknowledgements;
import dev.andon.assistant.answer.AlertHelp;
import dev.andon.assistant.answer.HandoverNotes;
import dev.andon.assistant.answer.KnowledgeAnswerer;
import dev.andon.assistant.answer.LineStatusReport;
import dev.andon.assistant.answer.OnShiftReport;
import dev.andon.assistant.answer.OnboardingPath;
import dev.andon.assistant.answer.PlantTime;
import dev.andon.assistant.answer.Reply;
import dev.andon.assistant.answer.ReplyDraft;
import dev.andon.assistant.answer.ShiftContacts;
import dev.andon.assistant.answer.ShiftSummaryReport;
import dev.andon.assistant.conversation.ConversationContext;
import dev.andon.assistant.answer.PendingAction;
import dev.andon.assistant.intent.Intent;
import dev.andon.assistant.intent.IntentRecognizer;
import dev.andon.assistant.intent.Mentions;
import dev.andon.assistant.intent.PlantEntityExtractor;
import dev.andon.assistant.intent.Recognition;
import dev.andon.assistant.text.PlainText;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Station;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The assistant's reasoning without a language model: recognise the intent, resolve line/station/alert against the
 * plant and the conversation, call the same abilities the LLM tools call, and compose the reply from their results.
 * Only the user's own message is interpreted; quoted documents and alert data are never read as instructions.
 */
public final class OfflineResponder {
    private static final Pattern THIS_ALERT = Pattern.compile("(?i)\\b(it|this( alert| one)?|that( alert| one)?|the alert)\\b");
    private static final Pattern LAST_SHIFT = Pattern.compile("\\b(last|previous|past|prior|yesterday'?s?) (shift|handover)\\b");
    private static final Pattern HANDED_TO_ME = Pattern.compile("\\b(handed over to me|handed to me|handover (for|to) me|my handover)\\b");
    private static final Pattern ALL = Pattern.compile("(?i)\\b(all|every|each)\\b");

    private final Plant plant;
    private final PlantEntityExtractor extractor;
    private final IntentRecognizer recognizer;
    private final AlertStore alerts;
    private final AlertHelp alertHelp;
    private final KnowledgeAnswerer knowledge;
    private final LineStatusReport lineStatus;
    private final ShiftSummaryReport shiftSummary;
    private final OnboardingPath onboarding;
    private final OnShiftReport onShift;
    private final dev.andon.assistant.answer.TrainingAnswers training;
    private final Acknowledgements acknowledgements;
    private final HandoverNotes handoverNotes;
    private final ShiftContacts contacts;
    private final PlantTime time;

    public OfflineResponder(Abilities abilities, IntentRecognizer recognizer) {
        this.plant = abilities.plant();
        this.extractor = abilities.extractor();
        this.recognizer = recognizer;
        this.alerts = abilities.alerts();
        this.alertHelp = abilities.alertHelp();
        this.knowledge = abilities.knowledge();
        this.lineStatus = abilities.lineStatus();
        this.shiftSummary = abilities.shiftSummary();
        this.onboarding = abilities.onboarding();
        this.onShift = abilities.onShift();
        this.training = abilities.training();
        this.acknowledgements = abilities.acknowledgements();
        this.handoverNotes = abilities.handoverNotes();
        this.contacts = abilities.contacts();
        this.time = abilities.time();
    }

    public PlantEntityExtractor extractor() {
        return extractor;
    }

    /** The pending action if it is still valid (not lapsed). */
    public PendingAction livePending(ConversationContext ctx) {
        PendingAction p = ctx.pending();
        return p != null && !time.now().isAfter(p.expiresAt()) ? p : null;
    }

    public Recognition recognize(ChatRequest r, ConversationContext ctx) {
        Mentions m = extractor.extract(r.message(), r.line() != null ? r.line() : ctx.line());
        return recognizer.recognize(r.message(), m, Intent.parse(ctx.lastIntent()).orElse(null), livePending(ctx) != null);
    }

    public Outcome respond(ChatRequest r, ConversationContext ctx) {
        String msg = r.message();
        Mentions m = extractor.extract(msg, r.line() != null ? r.line() : ctx.line());
        PendingAction pending = livePending(ctx);
        Recognition rec = recognizer.recognize(msg, m, Intent.parse(ctx.lastIntent()).orElse(null), pending != null);
        Intent intent = rec.intent();

        if (intent == Intent.CONFIRM || intent == Intent.CANCEL) {
            return confirmation(r, ctx, pending, intent);
        }
        String lapsed = pending == null ? null : "(The request to acknowledge alert " + pending.alertId()
                + " was dropped: a confirmation must be your very next message.)";
        ConversationContext base = ctx.withPending(null);

        Outcome out = switch (intent) {
            case HELP -> new Outcome(help(), base);
            case ACKNOWLEDGE -> acknowledge(r, base, m, msg);
            case HANDOVER_NOTE -> note(r, base, m, msg);
            default -> content(r, base, m, rec);
        };
        if (lapsed != null) {
            Reply reply = out.reply();
            return new Outcome(reply.withText(lapsed + "\n" + reply.text()), out.context());
        }
        return out;
    }

    private Outcome confirmation(ChatRequest r, ConversationContext ctx, PendingAction pending, Intent intent) {
        ConversationContext cleared = ctx.withPending(null);
        if (pending == null) {
            String text = ctx.pending() != null
                    ? "The request to acknowledge alert " + ctx.pending().alertId() + " has lapsed. Ask again if it is still needed."
                    : "Nothing is waiting for your confirmation. To acknowledge an alert, say for example \"acknowledge alert 42\".";
            return new Outcome(Reply.of(intent, text), cleared);
        }
        if (intent == Intent.CANCEL) {
            return new Outcome(Reply.of(Intent.CANCEL, "Cancelled: alert " + pending.alertId() + " was not acknowledged."), cleared);
        }
        return new Outcome(acknowledgements.confirm(pending, r.userId(), r.role(), r.line()), cleared);
    }

    private Outcome acknowledge(ChatRequest r, ConversationContext ctx, Mentions m, String msg) {
        String alertId = m.alertId();
        if (alertId == null && m.station() != null) {
            List<AlertRecord> open = alerts.list(new AlertQuery(m.stationLine(), m.station(), null, true, null, 2));
            if (open.size() == 1) {
                alertId = open.get(0).id();
            } else if (open.isEmpty()) {
                return new Outcome(Reply.of(Intent.ACKNOWLEDGE, "There is no open alert on " + m.station() + " to acknowledge."), ctx);
            } else {
                return new Outcome(Reply.of(Intent.ACKNOWLEDGE, "There are several open alerts on " + m.station()
                        + ". Which one? Say for example \"acknowledge alert " + open.get(0).id() + "\"."), ctx);
            }
        }
        if (alertId == null && ALL.matcher(msg).find()) {
            return new Outcome(Reply.of(Intent.ACKNOWLEDGE, "Alerts are acknowledged one at a time, by the person who takes them on. "
                    + "Say for example \"acknowledge alert 42\"."), ctx);
        }
        if (alertId == null && THIS_ALERT.matcher(msg).find()) {
            alertId = ctx.alertId();
        }
        Reply reply = acknowledgements.propose(alertId, r.userId(), r.role(), r.line());
        ConversationContext next = new ConversationContext(ctx.lastIntent(), ctx.line(), ctx.station(),
                alertId != null ? alertId : ctx.alertId(), ctx.query(), ctx.role(), reply.pending());
        return new Outcome(reply, next);
    }

    private Outcome note(ChatRequest r, ConversationContext ctx, Mentions m, String msg) {
        String line = firstNonNull(m.effectiveLine(), r.line(), contacts.rosterLine(r.userId()).orElse(null), ctx.line());
        if (m.unknownLine() != null && m.line() == null) {
            return new Outcome(unknownLine(Intent.HANDOVER_NOTE, m.unknownLine()), ctx);
        }
        return new Outcome(handoverNotes.add(line, HandoverNotes.noteText(msg), r.asker()), ctx);
    }

    private Outcome content(ChatRequest r, ConversationContext ctx, Mentions m, Recognition rec) {
        Intent intent = rec.intent();
        if (m.unknownLine() != null && m.line() == null) {
            return new Outcome(unknownLine(intent, m.unknownLine()), ctx);
        }
        String lead = null;
        if (m.line() != null && m.station() != null && !m.line().equals(m.stationLine())) {
            lead = m.station() + " is on " + m.stationLine() + ", not on " + m.line() + "; answering for " + m.stationLine() + ".";
        }
        String station;
        String line;
        String query;
        if (rec.followUp()) {
            station = m.station() != null ? m.station() : (m.line() != null ? null : ctx.station());
            line = firstNonNull(m.station() != null ? m.stationLine() : null, m.line(), ctx.line());
            String previous = ctx.query() == null ? r.message() : extractor.withoutPlaceNames(ctx.query());
            query = station != null ? previous + " " + stationName(line, station) : previous;
        } else {
            station = m.station();
            line = firstNonNull(m.station() != null ? m.stationLine() : null, m.line(),
                    m.myLine() ? firstNonNull(r.line(), contacts.rosterLine(r.userId()).orElse(null)) : null);
            query = r.message();
        }
        if (m.unknownStation() != null && m.station() == null && !(rec.followUp() && station != null)) {
            return new Outcome(unknownStation(intent, m.unknownStation(), firstNonNull(line, r.line(), ctx.line())), ctx);
        }

        if ((intent == Intent.ALERT_HELP || intent == Intent.KNOWLEDGE) && ctx.alertId() != null && !m.any()
                && r.message().split("\\s+").length <= 6 && THIS_ALERT.matcher(r.message()).find()) {
            // "what about it?" right after talking about an alert
            Reply reply = alertHelp.forAlert(ctx.alertId(), r.role(), firstNonNull(r.line(), ctx.line()));
            return new Outcome(reply, new ConversationContext(Intent.ALERT_HELP.wire(), ctx.line(), ctx.station(),
                    ctx.alertId(), ctx.query(), ctx.role(), null));
        }
        Reply reply;
        ConversationContext next;
        switch (intent) {
            case LINE_STATUS -> {
                String l = firstNonNull(line, r.line(), ctx.line(), contacts.rosterLine(r.userId()).orElse(null));
                if (l == null) {
                    reply = Reply.of(intent, "Which line? " + lines() + ".");
                } else {
                    reply = lineStatus.status(l, station);
                }
                next = new ConversationContext(intent.wire(), l, station, null, null, ctx.role(), null);
            }
            case ON_SHIFT -> {
                String l = firstNonNull(line, r.line(), contacts.rosterLine(r.userId()).orElse(null));
                reply = onShift.reply(l);
                next = new ConversationContext(intent.wire(), l, null, null, null, ctx.role(), null);
            }
            case TRAINING -> {
                String l = firstNonNull(line, r.line());
                reply = training == null
                        ? Reply.of(intent, "Training and the skills matrix are not set up in this Andon.")
                        : training.answer(r.userId(), r.message(), station, l);
                next = new ConversationContext(intent.wire(), l, station, null, null, ctx.role(), null);
            }
            case SHIFT_SUMMARY -> {
                String l = firstNonNull(line, r.line(), contacts.rosterLine(r.userId()).orElse(null));
                String lower = r.message().toLowerCase(java.util.Locale.ROOT);
                if (HANDED_TO_ME.matcher(lower).find()) {
                    reply = shiftSummary.handedOverTo(r.userId());
                } else {
                    reply = shiftSummary.summary(l, LAST_SHIFT.matcher(lower).find()
                            ? ShiftSummaryReport.Which.LAST : ShiftSummaryReport.Which.CURRENT);
                }
                next = new ConversationContext(intent.wire(), l, null, null, null, ctx.role(), null);
            }
            case ONBOARDING -> {
                Mentions own = extractor.extract(r.message(), null);
                if (own.role() == null && own.unknownRole() != null && !rec.followUp()) {
                    reply = Reply.of(intent, "Andon has no role \"" + PlainText.echo(own.unknownRole(), 40) + "\". Roles: "
                            + plant.roles().stream().map(x -> x.id() + " (" + x.name() + ")").collect(Collectors.joining(", ")) + ".");
                    next = ctx;
                } else {
                    String role = firstNonNull(own.role(), rec.followUp() ? ctx.role() : null, r.role());
                    String l = firstNonNull(line, rec.followUp() ? ctx.line() : null, r.line());
                    reply = onboarding.reply(role, l);
                    next = new ConversationContext(intent.wire(), l, null, null, null, role, null);
                }
            }
            case ALERT_HELP -> {
                if (m.alertId() != null) {
                    reply = alertHelp.forAlert(m.alertId(), r.role(), firstNonNull(line, r.line()));
                    Optional<AlertRecord> a = alertHelp.find(m.alertId());
                    next = new ConversationContext(intent.wire(), a.map(x -> x.alert().line()).orElse(ctx.line()),
                            a.map(x -> x.alert().station()).orElse(ctx.station()), m.alertId(), ctx.query(), ctx.role(), null);
                } else if (station != null) {
                    String l = firstNonNull(line, extractor.lineOf(station).orElse(null));
                    reply = alertHelp.forStation(l, station, query, r.role(), scopeWords(l, station));
                    next = new ConversationContext(intent.wire(), l, station, reply.alertIds().isEmpty() ? null : reply.alertIds().get(0),
                            rec.followUp() ? ctx.query() : query, ctx.role(), null);
                } else {
                    reply = knowledge.answer(query, r.role(), firstNonNull(line, r.line()), null, scopeWords(line, null), Intent.ALERT_HELP, null);
                    next = new ConversationContext(intent.wire(), line, null, null, query, ctx.role(), null);
                }
            }
            default -> {
                String l = firstNonNull(line, r.line());
                reply = knowledge.answer(query, r.role(), l, station, scopeWords(l, station), Intent.KNOWLEDGE, null);
                next = new ConversationContext(Intent.KNOWLEDGE.wire(), l, station, null,
                        rec.followUp() ? ctx.query() : query, ctx.role(), null);
            }
        }
        if (lead != null) {
            reply = reply.withText(lead + "\n" + reply.text());
        }
        return new Outcome(reply, next);
    }

    private Reply help() {
        ReplyDraft d = new ReplyDraft(Intent.HELP);
        d.line("I answer from the runbook decisions, the approved documents and the live line status of " + plant.name() + ". You can ask:");
        d.line("- \"what about alert 42?\" or \"press-3 on L2 is flagging vibration, what do I do?\" — the decision, steps and sources");
        d.line("- \"how do I change the die on press 3?\" — the approved procedure, quoted with its section and version");
        d.line("- \"status of L2\", \"what is open on my line\", \"summarise this shift\", \"who is on shift?\"");
        d.line("- \"onboard me as an operator on L2\" — a reading path");
        d.line("- \"acknowledge alert 42\" (I ask you to confirm) and \"add a handover note: …\"");
        return d.build();
    }

    private Reply unknownLine(Intent intent, String name) {
        return Reply.of(intent, "There is no line " + PlainText.echo(name, 20) + " in " + plant.name() + ". Lines: " + lines() + ".");
    }

    private Reply unknownStation(Intent intent, String name, String line) {
        Optional<Line> l = line == null ? Optional.empty() : plant.line(line);
        String known = l.map(x -> "Stations on " + x.id() + ": " + stations(x)).orElse(plant.lines().stream()
                .map(x -> x.id() + ": " + stations(x)).collect(Collectors.joining("; ")));
        return Reply.of(intent, "There is no station \"" + PlainText.echo(name, 30) + "\"" + l.map(x -> " on " + x.id()).orElse("")
                + ". " + known + ".");
    }

    private String lines() {
        return plant.lines().stream().map(l -> l.id() + " (" + l.name() + ")").collect(Collectors.joining(", "));
    }

    private static String stations(Line l) {
        return l.stations().stream().map(s -> s.id() + " (" + s.name() + ")").collect(Collectors.joining(", "));
    }

    private String stationName(String line, String station) {
        return plant.line(line).flatMap(l -> l.station(station)).map(Station::name).orElse(station);
    }

    /** Words naming the line and station: the search filters by them, so they do not count towards coverage. */
    private List<String> scopeWords(String line, String station) {
        List<String> words = new ArrayList<>();
        if (line != null) {
            words.add(line);
            plant.line(line).ifPresent(l -> words.add(l.name()));
        }
        if (station != null) {
            words.add(station);
            plant.lines().stream().flatMap(l -> l.station(station).stream()).findFirst().ifPresent(s -> words.add(s.name()));
        }
        return words;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
