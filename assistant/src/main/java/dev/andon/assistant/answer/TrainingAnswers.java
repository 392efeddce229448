package dev.andon.assistant.answer;

import dev.andon.assistant.Citation;
import dev.andon.assistant.intent.Intent;
import dev.andon.assistant.training.ItemStatus;
import dev.andon.assistant.training.Progress;
import dev.andon.assistant.training.Training;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Shift;
import dev.andon.core.plant.ShiftRoster;
import dev.andon.core.skills.Coverage;
import dev.andon.core.skills.MatrixEntry;
import dev.andon.core.skills.Skill;
import dev.andon.core.skills.SkillKind;
import dev.andon.core.skills.SkillRecord;
import dev.andon.core.skills.SkillsMatrix;
import dev.andon.knowledge.KnowledgeSearch;
import dev.andon.knowledge.Section;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Training questions answered from the engines' records: what is left on my path (the training engine's progress),
 * who on this shift can do a skill (the skills matrix and the roster), who needs re-certification (the matrix).
 */
public final class TrainingAnswers {
    private static final Pattern LOCKOUT = Pattern.compile("\\b(lock[- ]?out|loto|lockout)\\b");
    private static final Pattern THIS_MONTH = Pattern.compile("\\bthis month\\b");
    static final int MAX_LEFT_PER_MODULE = 5;

    private final Plant plant;
    private final Training training;
    private final SkillsMatrix matrix;
    private final Coverage coverage;
    private final KnowledgeSearch knowledge;
    private final ShiftRoster roster;
    private final Clock clock;

    public TrainingAnswers(Plant plant, Training training, SkillsMatrix matrix, Coverage coverage,
                           KnowledgeSearch knowledge, Clock clock) {
        this.plant = plant;
        this.training = training;
        this.matrix = matrix;
        this.coverage = coverage;
        this.knowledge = knowledge;
        this.roster = new ShiftRoster(plant);
        this.clock = clock;
    }

    /** Picks the question: re-certification, who can do a skill, or (default) what is left on the asker's path. */
    public Reply answer(String userId, String message, String station, String line) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("certif")) {
            return recertification(THIS_MONTH.matcher(text).find());
        }
        if (text.contains("who")) {
            return whoCan(text, station, line);
        }
        return leftOnPath(userId);
    }

    public Reply leftOnPath(String userId) {
        ReplyDraft d = new ReplyDraft(Intent.TRAINING);
        if (userId == null || plant.person(userId).isEmpty()) {
            return d.line("Tell me who you are (your person id) and I will show what is left on your path.").build();
        }
        List<Progress> paths = training.progress(userId);
        if (paths.isEmpty()) {
            return d.line(name(userId) + " is on no onboarding path: paths follow the roster (role and line).").build();
        }
        for (Progress p : paths) {
            d.line("Path " + p.role() + " on " + p.line() + ": " + p.done() + " of " + p.total() + " items done.");
            if (p.next() != null) {
                d.line("Next: " + p.next().item().title() + (p.next().status() == ItemStatus.REREAD ? " (re-read: the section changed)" : "") + ".");
                cite(d, p.next());
            }
            for (Progress.ModuleProgress m : p.modules()) {
                if (m.signOff() != null) {
                    d.line("- " + m.title() + ": signed off by " + name(m.signOff().trainer()) + ".");
                    continue;
                }
                if (m.complete()) {
                    d.line("- " + m.title() + ": complete, waiting for a trainer's sign-off.");
                    continue;
                }
                List<Progress.ItemProgress> left = m.items().stream().filter(i -> i.status() != ItemStatus.DONE).toList();
                d.line("- " + m.title() + ": " + left.size() + " left of " + m.total() + ":");
                left.stream().limit(MAX_LEFT_PER_MODULE).forEach(i -> d.line("  • " + i.item().title()
                        + (i.status() == ItemStatus.REREAD ? " (re-read: version " + i.currentVersion() + " changed it)" : "")));
                if (left.size() > MAX_LEFT_PER_MODULE) {
                    d.line("  • … and " + (left.size() - MAX_LEFT_PER_MODULE) + " more");
                }
            }
            d.blank();
        }
        return d.build();
    }

    private void cite(ReplyDraft d, Progress.ItemProgress next) {
        String section = next.item().section();
        if (section == null) {
            return;
        }
        Optional<Section> s = knowledge.section(next.item().documentId(), section);
        s.ifPresent(x -> d.cite(new Citation(x.documentId(), x.title(), x.version(), x.section(), x.sectionPath(), x.link(), null,
                false, x.uncontrolled())));
    }

    public Reply whoCan(String text, String station, String line) {
        ReplyDraft d = new ReplyDraft(Intent.TRAINING);
        Optional<Skill> skill = skillIn(text, station);
        if (skill.isEmpty()) {
            return d.line("Which skill? Name a station (e.g. press-3), equipment or procedure such as "
                    + matrix.catalog().all().stream().filter(s -> s.kind() == SkillKind.PROCEDURE).map(Skill::name)
                    .findFirst().orElse("lock-out") + ".").build();
        }
        Skill s = skill.get();
        Optional<Shift> shift = roster.shiftAt(clock.instant());
        LocalDate day = matrix.today();
        if (shift.isEmpty()) {
            return d.line("No shift is running now.").build();
        }
        List<String> lines = new ArrayList<>();
        for (var l : plant.lines()) {
            if (s.neededOn(l.id()) && (line == null || line.equals(l.id()) || !s.lines().isEmpty())) {
                lines.add(l.id());
            }
        }
        d.line(s.name() + " — " + shift.get().name() + ", " + day + ":");
        for (String l : lines) {
            List<String> who = coverage.qualifiedOn(day, shift.get().id(), l, s);
            if (who.isEmpty()) {
                d.line("- " + l + ": nobody on shift is qualified.");
            } else {
                d.line("- " + l + ": " + String.join(", ", who.stream().map(p -> name(p) + standing(p, s, day)).toList()) + ".");
            }
        }
        List<String> offRoster = plant.people().stream().map(Person::id)
                .filter(p -> plant.roster().stream().noneMatch(r -> r.person().equals(p)) && matrix.canDo(p, s, day))
                .toList();
        if (!offRoster.isEmpty()) {
            d.line("Off the roster (on call or day staff): " + String.join(", ", offRoster.stream().map(this::name).toList()) + ".");
        }
        if (s.document() != null) {
            knowledge.section(s.document(), "1").ifPresent(x -> d.cite(new Citation(x.documentId(), x.title(), x.version(),
                    x.section(), x.sectionPath(), x.link(), null, false, x.uncontrolled())));
        }
        return d.build();
    }

    private String standing(String person, Skill s, LocalDate day) {
        return matrix.record(person, s.id()).map(SkillRecord::until)
                .map(u -> " (until " + u + (ChronoUnit.DAYS.between(day, u) <= SkillsMatrix.RECERTIFY_DAYS ? ", due for re-certification" : "") + ")")
                .orElse("");
    }

    public Reply recertification(boolean thisMonth) {
        ReplyDraft d = new ReplyDraft(Intent.TRAINING);
        LocalDate day = matrix.today();
        int within = thisMonth ? (int) ChronoUnit.DAYS.between(day, day.with(TemporalAdjusters.lastDayOfMonth()))
                : SkillsMatrix.RECERTIFY_DAYS;
        List<MatrixEntry> due = matrix.recertification(day, within);
        String when = thisMonth ? "by the end of this month (" + day.with(TemporalAdjusters.lastDayOfMonth()) + ")"
                : "within " + within + " days";
        if (due.isEmpty()) {
            return d.line("Nobody's qualification lapses " + when + ".").build();
        }
        d.line("Re-certification needed " + when + " — " + due.size() + " qualification" + (due.size() == 1 ? "" : "s") + ":");
        for (MatrixEntry e : due) {
            d.line("- " + e.personName() + ": " + e.skillName() + (e.until().isBefore(day) ? " lapsed on " : " expires on ")
                    + e.until() + " (" + e.level().wire() + ")");
        }
        return d.build();
    }

    /** A procedure named in the text (by id, or "lock-out" with its station), else the station itself. */
    Optional<Skill> skillIn(String text, String station) {
        String t = text.toLowerCase(Locale.ROOT);
        for (Skill s : matrix.catalog().all()) {
            if (s.kind() == SkillKind.PROCEDURE && t.contains(s.id().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        boolean lockout = LOCKOUT.matcher(t).find();
        for (Skill s : matrix.catalog().all()) {
            if (s.kind() != SkillKind.PROCEDURE || (station != null && !station.equals(s.station()))) {
                continue;
            }
            String head = s.name().toLowerCase(Locale.ROOT).split("[/ ]")[0];
            if ((lockout && head.startsWith("lock")) || t.contains(head)) {
                return Optional.of(s);
            }
        }
        return station == null ? Optional.empty() : matrix.catalog().skill(station);
    }

    private String name(String person) {
        return plant.person(person).map(Person::name).orElse(person);
    }
}
