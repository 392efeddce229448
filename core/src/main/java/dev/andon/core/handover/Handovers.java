package dev.andon.core.handover;

import dev.andon.core.audit.AuditTrail;
import dev.andon.core.skills.Coverage;
import dev.andon.core.skills.CoverageGap;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Decision;
import dev.andon.core.alert.Transition;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.line.StationState;
import dev.andon.core.line.StationStatus;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Station;
import dev.andon.core.production.KpiService;
import dev.andon.core.production.LineKpis;
import dev.andon.core.resolution.Resolution;
import dev.andon.core.resolution.ResolutionStore;
import dev.andon.core.shift.CrewMember;
import dev.andon.core.shift.ShiftCalendar;
import dev.andon.core.shift.ShiftOccurrence;
import dev.andon.core.shift.ShiftTeams;
import dev.andon.core.store.AlertQuery;
import dev.andon.core.store.AlertStore;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.StationStatusStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The shift handover engine: drafts a report per line and shift from the engines' records (production, stations,
 * alerts, notes, roster), lets the outgoing leader edit and sign it and the incoming leader accept it or send it back
 * with a question, and locks it once accepted. Every step is stored in the report with who and when, and announced to
 * the listeners after the commit.
 */
public final class Handovers {
    private static final Logger LOG = LoggerFactory.getLogger(Handovers.class);
    /** Alerts acknowledged or resolved in a shift were, in practice, raised within this window before it. */
    private static final Duration ALERT_LOOKBACK = Duration.ofDays(2);
    private static final int LISTED = 20;
    private static final int MAX_OPEN_LISTED = 500;
    private static final int MAX_ITEMS = 50;
    private static final int MAX_ITEM_CHARS = 1_000;
    private static final int MAX_NOTES_CHARS = 5_000;

    private final Plant plant;
    private final AndonDatabase db;
    private final HandoverStore store;
    private final ShiftTeams teams;
    private final KpiService kpis;
    private final AlertStore alerts;
    private final StationStatusStore stations;
    private final HandoverNoteStore notes;
    private final ResolutionStore resolutions;
    private final PermissionPolicy policy;
    private final AuditTrail audit;
    private final Coverage coverage;
    private final Clock clock;
    private final List<HandoverListener> listeners = new CopyOnWriteArrayList<>();

    public Handovers(Plant plant, AndonDatabase db, HandoverStore store, ShiftTeams teams, KpiService kpis,
                     AlertStore alerts, StationStatusStore stations, HandoverNoteStore notes,
                     ResolutionStore resolutions, PermissionPolicy policy, Coverage coverage, AuditTrail audit,
                     Clock clock) {
        this.audit = audit;
        this.plant = plant;
        this.db = db;
        this.store = store;
        this.teams = teams;
        this.kpis = kpis;
        this.alerts = alerts;
        this.stations = stations;
        this.notes = notes;
        this.resolutions = resolutions;
        this.policy = policy;
        this.coverage = coverage;
        this.clock = clock;
    }

    public void addListener(HandoverListener l) {
        listeners.add(l);
    }

    public ShiftCalendar calendar() {
        return teams.calendar();
    }

    /** The report of a line's shift: "current" (default), "previous" or a shift key; a draft is made when missing. */
    public HandoverReport forLine(Principal who, String line, String which) {
        return view(who, kpis.resolve(line, which).key());
    }

    /** A report as it stands: a draft is recomputed from the records (and created on first sight); signed ones are frozen. */
    public HandoverReport view(Principal who, String key) {
        ShiftOccurrence o = calendar().byKey(key);
        policy.require(who, Action.HANDOVER_READ, o.line());
        Optional<HandoverReport> stored = store.find(key);
        if (stored.isEmpty()) {
            return create(o, Principal.system("handover"));
        }
        HandoverReport r = stored.get();
        return r.status().editable() ? computed(r, o) : r;
    }

    /** Reports of a line (or all), newest shift first, as stored. */
    public List<HandoverReport> list(Principal who, String line, int limit) {
        if (line != null) {
            policy.require(who, Action.HANDOVER_READ, line);
        }
        return store.newestFirst(line, limit).stream()
                .filter(r -> policy.allows(who, Action.HANDOVER_READ, r.line())).toList();
    }

    /** Drafts the report of every shift that has ended and has none yet (run by a timer, idempotent). */
    public List<HandoverReport> draftEnded(Instant now) {
        List<HandoverReport> out = new ArrayList<>();
        for (Line l : plant.lines()) {
            calendar().previous(l.id(), now).filter(o -> store.find(o.key()).isEmpty()).ifPresent(o -> {
                try {
                    out.add(create(o, Principal.system("handover")));
                } catch (ConflictException e) {
                    // drafted by a request in the meantime
                }
            });
        }
        return out;
    }

    /** The most recent report whose incoming crew includes {@code personId} and whose shift has ended or was signed. */
    public Optional<HandoverReport> handedOverTo(String personId) {
        Instant now = clock.instant();
        return store.newestFirst(null, 200).stream()
                .filter(r -> r.incoming().stream().anyMatch(c -> c.person().equals(personId)))
                .filter(r -> r.status() != HandoverStatus.DRAFT || !r.shift().end().isAfter(now))
                .findFirst()
                .map(r -> r.status().editable() ? computed(r, calendar().byKey(r.id())) : r);
    }

    public HandoverReport edit(Principal who, String key, HandoverEdit edit) {
        ShiftOccurrence o = calendar().byKey(key);
        requireOutgoingLeader(who, o, "edit");
        List<Problem> problems = validate(edit);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return step(o, who, "edited", null, r -> {
            requireEditable(r);
            HandoverReport.Safety s = r.safety();
            List<CarriedAction> actions = edit.actions() == null ? r.actions() : mergeActions(r, edit.actions(), o.key());
            return new HandoverReport(r.id(), r.line(), r.lineName(), r.shift(), r.nextShift(), r.status(),
                    r.outgoing(), r.incoming(), r.incomingGaps(),
                    new HandoverReport.Safety(or(edit.incidents(), s.incidents()), or(edit.nearMisses(), s.nearMisses()),
                            or(edit.openLockouts(), s.openLockouts())),
                    r.production(), r.equipmentOutOfService(), or(edit.equipmentNotes(), r.equipmentNotes()),
                    or(edit.qualityHolds(), r.qualityHolds()), r.downtime(), r.alerts(), actions,
                    or(edit.standingInstructions(), r.standingInstructions()), r.shiftNotes(),
                    edit.notes() == null ? r.notes() : edit.notes().strip(), r.question(), r.history(), r.computedAt());
        });
    }

    public HandoverReport sign(Principal who, String key) {
        ShiftOccurrence o = calendar().byKey(key);
        requireOutgoingLeader(who, o, "sign");
        return step(o, who, "signed", null, r -> {
            requireEditable(r);
            HandoverReport fresh = computed(r, o);
            return withStatus(fresh, HandoverStatus.SIGNED, fresh.question());
        });
    }

    public HandoverReport accept(Principal who, String key, String note) {
        ShiftOccurrence o = calendar().byKey(key);
        requireIncomingLeader(who, o, "accept");
        return step(o, who, "accepted", blankToNull(note), r -> {
            requireSigned(r, "accepted");
            return withStatus(r, HandoverStatus.ACCEPTED, r.question());
        });
    }

    public HandoverReport sendBack(Principal who, String key, String question) {
        if (question == null || question.isBlank()) {
            throw new InvalidInputException("question", "is required: what should the outgoing leader answer or fix?");
        }
        if (question.length() > MAX_ITEM_CHARS) {
            throw new InvalidInputException("question", "is longer than " + MAX_ITEM_CHARS + " characters");
        }
        ShiftOccurrence o = calendar().byKey(key);
        requireIncomingLeader(who, o, "send back");
        return step(o, who, "sent-back", question.strip(), r -> {
            requireSigned(r, "sent back");
            return withStatus(r, HandoverStatus.SENT_BACK, question.strip());
        });
    }

    // ---- steps ------------------------------------------------------------------------------------------------

    private HandoverReport create(ShiftOccurrence o, Principal who) {
        return step(o, who, "drafted", null, r -> r);
    }

    private static Map<String, Object> stepAfter(HandoverReport report, HandoverStep step) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", report.status().wire());
        if (step.note() != null) {
            after.put("note", step.note());
        }
        return after;
    }

    /**
     * Applies one step to the stored report (a fresh draft when there is none), records it in the history and saves,
     * all in one write; listeners hear about it after the commit.
     */
    private HandoverReport step(ShiftOccurrence o, Principal who, String action, String note,
                                java.util.function.UnaryOperator<HandoverReport> change) {
        Principal system = Principal.system("handover");
        Map<HandoverStep, Principal> done = new LinkedHashMap<>();
        HandoverReport saved = db.write(() -> {
            done.clear();
            Optional<HandoverReport> stored = store.find(o.key());
            if (stored.isPresent() && action.equals("drafted")) {
                return stored.get();
            }
            List<HandoverStep> history = new ArrayList<>();
            HandoverReport base = stored.orElseGet(() -> fresh(o));
            if (stored.isEmpty() && !action.equals("drafted")) {
                HandoverStep drafted = new HandoverStep("drafted", system.id(), "Andon", clock.instant(), null);
                base = withHistory(base, List.of(drafted));
                done.put(drafted, system);
            }
            HandoverReport next = change.apply(base);
            HandoverStep step = new HandoverStep(action, who.id(), who.name(), clock.instant(), note);
            history.addAll(next.history());
            history.add(step);
            done.put(step, who);
            HandoverReport written = store.save(withHistory(next, history));
            // each step is an audit record in the step's own commit: both land or neither does
            done.forEach((s, by) -> audit.record(by, "handover:" + s.action(), "handover/" + written.id(), null,
                    stepAfter(written, s)));
            return written;
        });
        done.forEach((step, by) -> {
            for (HandoverListener l : listeners) {
                try {
                    l.onStep(saved, step, by);
                } catch (RuntimeException e) {
                    LOG.warn("handover listener failed", e);
                }
            }
        });
        return saved;
    }

    /** A new report: the computed part now, actions still open and standing instructions from the shift before. */
    private HandoverReport fresh(ShiftOccurrence o) {
        Optional<HandoverReport> before = store.newestFirst(o.line(), 500).stream()
                .filter(r -> r.shift().start().isBefore(o.start())).findFirst();
        List<CarriedAction> carried = before.map(b -> b.actions().stream().filter(a -> !a.closed()).toList()).orElse(List.of());
        List<String> standing = before.map(HandoverReport::standingInstructions).orElse(List.of());
        Line line = plant.line(o.line()).orElseThrow();
        HandoverReport empty = new HandoverReport(o.key(), o.line(), line.name(), o, null, HandoverStatus.DRAFT,
                List.of(), List.of(), null, HandoverReport.Safety.none(), null, List.of(), List.of(), List.of(), List.of(),
                null, carried, standing, List.of(), null, null, List.of(), null);
        return computed(empty, o);
    }

    /** The report with its computed part drawn afresh from the records; the written part is kept. */
    HandoverReport computed(HandoverReport r, ShiftOccurrence o) {
        Instant now = clock.instant();
        Line line = plant.line(o.line()).orElseThrow();
        Optional<ShiftOccurrence> next = calendar().after(o);
        LineKpis k = kpis.forShift(o);
        Optional<ShiftOccurrence> prev = calendar().before(o);
        Double prevOee = prev.map(p -> store.find(p.key()).filter(x -> !x.status().editable() && x.production() != null)
                .map(x -> x.production().kpis().kpis().oee())
                .orElseGet(() -> kpis.forShift(p).kpis().oee())).orElse(null);
        Double now0 = k.kpis().oee();
        HandoverReport.Production production = new HandoverReport.Production(k.plan(), k.output(), k,
                prev.map(ShiftOccurrence::key).orElse(null), prevOee,
                now0 != null && prevOee != null ? Math.round((now0 - prevOee) * 1000) / 10.0 : null);
        List<HandoverReport.Equipment> out = new ArrayList<>();
        for (Station s : line.stations()) {
            StationStatus st = stations.get(line.id(), s.id());
            if (st.state() == StationState.DOWN || st.state() == StationState.PLANNED_MAINTENANCE) {
                out.add(new HandoverReport.Equipment(s.id(), s.name(), st.state().wire(), st.reason(), st.since()));
            }
        }
        List<HandoverReport.Note> shiftNotes = notes.list(line.id(), o.start()).stream()
                .filter(n -> n.at().isBefore(o.end()))
                .map(n -> new HandoverReport.Note(n.author(), plant.person(n.author()).map(p -> p.name()).orElse(n.author()),
                        n.text(), n.at()))
                .toList();
        return new HandoverReport(r.id(), r.line(), line.name(), o, next.map(ShiftOccurrence::key).orElse(null),
                r.status(), teams.crew(o), next.map(teams::crew).orElse(List.of()), next.map(this::gapsOf).orElse(null), r.safety(), production, out,
                r.equipmentNotes(), r.qualityHolds(), k.downtime().stream().limit(10).toList(),
                alertSummary(line.id(), o.start(), o.end()), r.actions(), r.standingInstructions(), shiftNotes, r.notes(),
                r.question(), r.history(), now);
    }

    /** Skills nobody on the incoming shift can do (from the skills matrix), so the handover says it out loud. */
    private List<CoverageGap> gapsOf(ShiftOccurrence incoming) {
        if (coverage == null) {
            return null;
        }
        return coverage.gaps(incoming.date(), 1, incoming.line()).gaps().stream()
                .filter(g -> g.shift().equals(incoming.shift())).toList();
    }

    private HandoverReport.AlertSummary alertSummary(String line, Instant from, Instant to) {
        Map<String, AlertRecord> seen = new LinkedHashMap<>();
        for (AlertRecord a : alerts.list(new AlertQuery(line, null, null, false, from.minus(ALERT_LOOKBACK), Integer.MAX_VALUE))) {
            seen.put(a.id(), a);
        }
        for (AlertRecord a : alerts.list(AlertQuery.openOn(line))) {
            seen.putIfAbsent(a.id(), a);
        }
        List<AlertRecord> raised = new ArrayList<>();
        List<HandoverReport.AlertLine> acknowledged = new ArrayList<>();
        List<HandoverReport.AlertLine> resolved = new ArrayList<>();
        List<AlertRecord> open = new ArrayList<>();
        for (AlertRecord a : seen.values()) {
            Instant at = a.alert().receivedAt();
            if (!at.isBefore(from) && at.isBefore(to)) {
                raised.add(a);
            }
            Transition ack = within(a, AlertState.ACKNOWLEDGED, from, to);
            if (ack != null) {
                acknowledged.add(line(a, ack));
            }
            Transition res = within(a, AlertState.RESOLVED, from, to);
            if (res != null) {
                resolved.add(line(a, res));
            }
            if (a.state().isOpen()) {
                open.add(a);
            }
        }
        Comparator<AlertRecord> newest = Comparator.comparing((AlertRecord a) -> a.alert().receivedAt()).reversed();
        Comparator<HandoverReport.AlertLine> latest = Comparator.comparing(HandoverReport.AlertLine::at).reversed();
        raised.sort(newest);
        acknowledged.sort(latest);
        resolved.sort(latest);
        open.sort(newest);
        return new HandoverReport.AlertSummary(raised.size(), acknowledged.size(), resolved.size(), open.size(),
                raised.stream().limit(LISTED).map(a -> line(a, null)).toList(),
                acknowledged.stream().limit(LISTED).toList(),
                resolved.stream().limit(LISTED).toList(),
                open.stream().limit(MAX_OPEN_LISTED).map(a -> line(a, null)).toList());
    }

    private HandoverReport.AlertLine line(AlertRecord a, Transition t) {
        Decision d = a.decision();
        String owner = d == null ? null : d.assignee() != null && d.assignee().name() != null
                ? d.assignee().name() + " (" + (d.assignee().role() != null ? d.assignee().role() : d.ownerRole()) + ")"
                : d.ownerRole();
        String nextStep = null;
        String resolution = null;
        if (a.state().isOpen()) {
            String first = d == null || d.steps().isEmpty() ? null : d.steps().get(0).text();
            boolean unacknowledged = a.state() == AlertState.NEW || a.state() == AlertState.ASSIGNED
                    || a.state() == AlertState.ESCALATED;
            nextStep = unacknowledged ? "acknowledge" + (first == null ? "" : ", then: " + first) : first;
        } else if (a.state() == AlertState.RESOLVED) {
            resolution = resolutions.forAlert(a.id()).map(Handovers::describe).orElse(null);
        }
        return new HandoverReport.AlertLine(a.id(), a.alert().type(), a.alert().station(),
                a.alert().severity() == null ? null : a.alert().severity().wire(), a.state().wire(), owner, nextStep,
                a.alert().receivedAt(), resolution, t == null ? null : personName(t.actor()), t == null ? null : t.at(),
                t == null ? null : t.note());
    }

    private String personName(String id) {
        return plant.person(id).map(p -> p.name()).orElse(id);
    }

    private static String describe(Resolution r) {
        return "cause: " + r.cause() + "; action: " + r.action();
    }

    private static Transition within(AlertRecord a, AlertState to, Instant from, Instant until) {
        for (Transition t : a.history()) {
            if (t.to() == to && !t.at().isBefore(from) && t.at().isBefore(until)) {
                return t;
            }
        }
        return null;
    }

    // ---- authority and checks -----------------------------------------------------------------------------------

    /**
     * The shift's own leader (after swaps) may sign; the policy is asked only whether the role may sign handovers at
     * all, because a leader swapped in from another line is not on this line in the plant roster.
     */
    private void requireOutgoingLeader(Principal who, ShiftOccurrence o, String what) {
        policy.require(who, Action.HANDOVER_SIGN, null);
        if (!teams.isLeader(o, who.id())) {
            throw new ForbiddenException(who.id() + " may not " + what + " the handover of " + o.key()
                    + ": only that shift's team leader may (" + names(teams.leaders(o)) + ")");
        }
    }

    private void requireIncomingLeader(Principal who, ShiftOccurrence o, String what) {
        policy.require(who, Action.HANDOVER_SIGN, null);
        Optional<ShiftOccurrence> next = calendar().after(o);
        if (next.isEmpty() || !teams.isLeader(next.get(), who.id())) {
            throw new ForbiddenException(who.id() + " may not " + what + " the handover of " + o.key()
                    + ": only the incoming team leader may (" + next.map(n -> names(teams.leaders(n))).orElse("no next shift") + ")");
        }
    }

    private static void requireEditable(HandoverReport r) {
        if (r.status() == HandoverStatus.ACCEPTED) {
            throw new ConflictException("the handover of " + r.id() + " was accepted and is locked");
        }
        if (r.status() == HandoverStatus.SIGNED) {
            throw new ConflictException("the handover of " + r.id() + " is signed; the incoming leader must send it back before it changes");
        }
    }

    private static void requireSigned(HandoverReport r, String what) {
        if (r.status() == HandoverStatus.ACCEPTED) {
            HandoverStep by = r.history().stream().filter(s -> s.action().equals("accepted")).reduce((a, b) -> b).orElse(null);
            throw new ConflictException("the handover of " + r.id() + " was already accepted"
                    + (by == null ? "" : " by " + by.by() + " at " + by.at()) + "; it is locked");
        }
        if (r.status() != HandoverStatus.SIGNED) {
            throw new ConflictException("the handover of " + r.id() + " is " + r.status().wire()
                    + "; it can be " + what + " only after the outgoing leader signs it");
        }
    }

    private static List<Problem> validate(HandoverEdit e) {
        List<Problem> problems = new ArrayList<>();
        items(problems, "incidents", e.incidents());
        items(problems, "nearMisses", e.nearMisses());
        items(problems, "openLockouts", e.openLockouts());
        items(problems, "equipmentNotes", e.equipmentNotes());
        items(problems, "qualityHolds", e.qualityHolds());
        items(problems, "standingInstructions", e.standingInstructions());
        if (e.notes() != null && e.notes().length() > MAX_NOTES_CHARS) {
            problems.add(new Problem("notes", "is longer than " + MAX_NOTES_CHARS + " characters"));
        }
        if (e.actions() != null) {
            if (e.actions().size() > MAX_ITEMS) {
                problems.add(new Problem("actions", "at most " + MAX_ITEMS + " actions"));
            }
            for (int i = 0; i < e.actions().size(); i++) {
                CarriedAction a = e.actions().get(i);
                if (a == null || a.text() == null || a.text().isBlank()) {
                    problems.add(new Problem("actions[" + i + "].text", "is required"));
                } else if (a.text().length() > MAX_ITEM_CHARS) {
                    problems.add(new Problem("actions[" + i + "].text", "is longer than " + MAX_ITEM_CHARS + " characters"));
                }
            }
        }
        return problems;
    }

    private static void items(List<Problem> problems, String field, List<String> items) {
        if (items == null) {
            return;
        }
        if (items.size() > MAX_ITEMS) {
            problems.add(new Problem(field, "at most " + MAX_ITEMS + " entries"));
        }
        for (int i = 0; i < items.size(); i++) {
            String s = items.get(i);
            if (s == null || s.isBlank()) {
                problems.add(new Problem(field + "[" + i + "]", "is empty"));
            } else if (s.length() > MAX_ITEM_CHARS) {
                problems.add(new Problem(field + "[" + i + "]", "is longer than " + MAX_ITEM_CHARS + " characters"));
            }
        }
    }

    private static List<CarriedAction> mergeActions(HandoverReport r, List<CarriedAction> edited, String shiftKey) {
        Map<String, CarriedAction> known = r.actions().stream().collect(Collectors.toMap(CarriedAction::id, a -> a, (a, b) -> a, LinkedHashMap::new));
        List<Problem> problems = new ArrayList<>();
        List<CarriedAction> out = new ArrayList<>();
        int n = r.actions().size();
        for (int i = 0; i < edited.size(); i++) {
            CarriedAction a = edited.get(i);
            if (a.id() == null || a.id().isBlank()) {
                out.add(new CarriedAction(shiftKey + "#" + (++n), a.text().strip(), blankToNull(a.owner()), shiftKey, a.closed()));
            } else if (!known.containsKey(a.id())) {
                problems.add(new Problem("actions[" + i + "].id", "unknown action '" + a.id() + "' on this report"));
            } else {
                CarriedAction was = known.get(a.id());
                out.add(new CarriedAction(was.id(), a.text().strip(), blankToNull(a.owner()), was.since(), a.closed()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }

    private static HandoverReport withStatus(HandoverReport r, HandoverStatus s, String question) {
        return new HandoverReport(r.id(), r.line(), r.lineName(), r.shift(), r.nextShift(), s, r.outgoing(), r.incoming(), r.incomingGaps(),
                r.safety(), r.production(), r.equipmentOutOfService(), r.equipmentNotes(), r.qualityHolds(), r.downtime(),
                r.alerts(), r.actions(), r.standingInstructions(), r.shiftNotes(), r.notes(), question, r.history(),
                r.computedAt());
    }

    private static HandoverReport withHistory(HandoverReport r, List<HandoverStep> history) {
        return new HandoverReport(r.id(), r.line(), r.lineName(), r.shift(), r.nextShift(), r.status(), r.outgoing(),
                r.incoming(), r.incomingGaps(), r.safety(), r.production(), r.equipmentOutOfService(), r.equipmentNotes(),
                r.qualityHolds(), r.downtime(), r.alerts(), r.actions(), r.standingInstructions(), r.shiftNotes(),
                r.notes(), r.question(), history, r.computedAt());
    }

    private static <T> List<T> or(List<T> edited, List<T> was) {
        return edited == null ? was : edited.stream().map(x -> x instanceof String s ? (T) s.strip() : x).toList();
    }

    private static String names(List<CrewMember> crew) {
        return crew.isEmpty() ? "nobody rostered" : crew.stream().map(CrewMember::person).collect(Collectors.joining(", "));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
