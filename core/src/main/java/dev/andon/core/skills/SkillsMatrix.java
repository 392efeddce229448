package dev.andon.core.skills;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Qualification;
import dev.andon.core.plant.Qualification.Level;
import dev.andon.core.store.AndonDatabase;
import org.mapdb.Atomic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The skills matrix: person × skill × level × expiry, kept in the store. The plant file's static qualifications are
 * the initial state (copied in once, on the first start with this store); from then on the matrix changes through
 * {@link #set}/{@link #remove} and training sign-offs. Reads come from an in-memory copy swapped on each write, so the
 * runbooks ask it without touching the disk. Lapsing needs no job: a cell past its date stops counting on the day
 * after {@code until}.
 */
public final class SkillsMatrix implements Qualifications {
    private static final Logger LOG = LoggerFactory.getLogger(SkillsMatrix.class);
    /** Cells expiring within this many days show up for re-certification. */
    public static final int RECERTIFY_DAYS = 30;
    static final String MAP = "skills-matrix";

    private final AndonDatabase db;
    private final ObjectMapper json;
    private final Plant plant;
    private final SkillCatalog catalog;
    private final PermissionPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, String> cells;
    /** person → skill → record; replaced whole on every write (writes are rare, reads are on every decision). */
    private volatile Map<String, Map<String, SkillRecord>> byPerson;

    /** Standalone (tools, tests): audit records go to the store's audit trail through an own handle. */
    public SkillsMatrix(AndonDatabase db, ObjectMapper json, Plant plant, SkillCatalog catalog, PermissionPolicy policy,
                        Clock clock) {
        this(db, json, plant, catalog, policy, new AuditTrail(db, json, clock), clock);
    }

    /** Every change is recorded in {@code audit} in the same store write. */
    public SkillsMatrix(AndonDatabase db, ObjectMapper json, Plant plant, SkillCatalog catalog, PermissionPolicy policy,
                        AuditTrail audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.json = json;
        this.plant = plant;
        this.catalog = catalog;
        this.policy = policy;
        this.clock = clock;
        this.cells = db.jsonMap(MAP);
        Atomic.Long seeded = db.sequence("skills-matrix-seeded");
        if (seeded.get() == 0) {
            db.write(() -> {
                seedFromPlant();
                seeded.set(1);
            });
        }
        this.byPerson = load();
    }

    private void seedFromPlant() {
        int n = 0;
        for (Person p : plant.people()) {
            for (Qualification q : p.qualifications()) {
                if (catalog.skill(q.subject()).isEmpty()) {
                    LOG.warn("plant file: {} is qualified for '{}', which is no station, equipment or declared skill; not copied into the skills matrix",
                            p.id(), q.subject());
                    continue;
                }
                cells.put(key(p.id(), q.subject()), encode(new SkillRecord(p.id(), q.subject(), q.level(), q.until(),
                        "plant-file", null, clock.instant())));
                n++;
            }
        }
        LOG.info("skills matrix seeded with {} qualifications from the plant file", n);
    }

    private Map<String, Map<String, SkillRecord>> load() {
        Map<String, Map<String, SkillRecord>> out = new HashMap<>();
        for (String text : cells.values()) {
            SkillRecord r = decode(text);
            out.computeIfAbsent(r.person(), k -> new HashMap<>()).put(r.skill(), r);
        }
        return freeze(out);
    }

    public SkillCatalog catalog() {
        return catalog;
    }

    /** Today in the plant's time zone: the day expiry is judged on. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(plant.timezone()));
    }

    @Override
    public Standing standing(String person, String subject, LocalDate day) {
        Map<String, SkillRecord> mine = byPerson.get(person);
        return Standing.of(mine == null ? null : mine.get(subject), day);
    }

    /** Whether {@code person} can do {@code skill} on {@code day}: qualified for it or for one subject that counts. */
    public boolean canDo(String person, Skill skill, LocalDate day) {
        Map<String, SkillRecord> mine = byPerson.get(person);
        if (mine == null) {
            return false;
        }
        for (String subject : skill.satisfiedBy()) {
            SkillRecord r = mine.get(subject);
            if (r != null && r.countsOn(day)) {
                return true;
            }
        }
        return false;
    }

    public Optional<SkillRecord> record(String person, String skill) {
        return Optional.ofNullable(byPerson.getOrDefault(person, Map.of()).get(skill));
    }

    /** Every cell (optionally of one person, or of skills needed on one line) with its status on {@code day}. */
    public List<MatrixEntry> entries(String person, String line, LocalDate day) {
        List<MatrixEntry> out = new ArrayList<>();
        byPerson.forEach((p, skills) -> {
            if (person != null && !person.equals(p)) {
                return;
            }
            for (SkillRecord r : skills.values()) {
                Skill s = catalog.skill(r.skill()).orElse(null);
                if (line != null && (s == null || !s.neededOn(line))) {
                    continue;
                }
                out.add(entry(r, s, day));
            }
        });
        out.sort(Comparator.comparing(MatrixEntry::person).thenComparing(MatrixEntry::skill));
        return out;
    }

    /** Cells that lapsed or lapse within {@code withinDays} of {@code day}, soonest first: who needs re-certification. */
    public List<MatrixEntry> recertification(LocalDate day, int withinDays) {
        List<MatrixEntry> out = new ArrayList<>();
        for (Map<String, SkillRecord> skills : byPerson.values()) {
            for (SkillRecord r : skills.values()) {
                if (r.until() != null && r.level() != Level.IN_TRAINING && !day.plusDays(withinDays).isBefore(r.until())) {
                    out.add(entry(r, catalog.skill(r.skill()).orElse(null), day));
                }
            }
        }
        out.sort(Comparator.comparing(MatrixEntry::until).thenComparing(MatrixEntry::person));
        return out;
    }

    private MatrixEntry entry(SkillRecord r, Skill s, LocalDate day) {
        String name = plant.person(r.person()).map(Person::name).orElse(r.person());
        return new MatrixEntry(r.person(), name, r.skill(), s == null ? r.skill() : s.name(), r.level(), r.until(),
                r.statusOn(day, RECERTIFY_DAYS), r.source());
    }

    /**
     * Sets a cell. The actor needs skills:manage on every line the skill is needed on; the person and skill must exist
     * and an expiry must not be in the past. Nothing changes when any check fails.
     */
    public SkillRecord set(Principal actor, String person, String skill, Level level, LocalDate until) {
        Skill s = checkedSkill(person, skill);
        List<Problem> problems = new ArrayList<>();
        if (level == null) {
            problems.add(new Problem("level", "is required (in-training, qualified or trainer)"));
        }
        if (until != null && until.isBefore(today())) {
            problems.add(new Problem("until", "expiry " + until + " is in the past (today is " + today()
                    + "); a lapsed qualification is not recorded, remove it instead"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireManage(actor, s);
        SkillRecord before = record(person, skill).orElse(null);
        SkillRecord after = new SkillRecord(person, skill, level, until, "api", actor.id(), clock.instant());
        return db.write(() -> {
            put(after);
            audit.record(actor, "skills.set", "skill/" + person + "/" + skill, before, after);
            return after;
        });
    }

    /** Removes a cell; 404 when the person does not hold it. */
    public void remove(Principal actor, String person, String skill) {
        Skill s = checkedSkill(person, skill);
        requireManage(actor, s);
        if (record(person, skill).isEmpty()) {
            throw new NotFoundException("qualification", person + "/" + skill);
        }
        SkillRecord removed = record(person, skill).get();
        db.write(() -> {
            audit.record(actor, "skills.remove", "skill/" + person + "/" + skill, removed, null);
            cells.remove(key(person, skill));
            Map<String, Map<String, SkillRecord>> before = byPerson;
            db.onRollback(() -> byPerson = before);
            Map<String, Map<String, SkillRecord>> next = copy(before);
            next.getOrDefault(person, new HashMap<>()).remove(skill);
            byPerson = freeze(next);
        });
    }

    /**
     * Grants skills after a training sign-off, inside the caller's store write (so the sign-off and the grants commit
     * together). The caller has checked the trainer's permission; levels already higher (trainer) are kept.
     */
    public List<SkillRecord> grantFromTraining(Principal trainer, String person, List<String> skills, LocalDate until,
                                               String source) {
        List<SkillRecord> out = new ArrayList<>();
        for (String skill : skills) {
            checkedSkill(person, skill);
            Level level = record(person, skill).map(SkillRecord::level).filter(l -> l == Level.TRAINER)
                    .orElse(Level.QUALIFIED);
            SkillRecord before = record(person, skill).orElse(null);
            SkillRecord after = put(new SkillRecord(person, skill, level, until, source, trainer.id(), clock.instant()));
            audit.record(trainer, "skills.grant", "skill/" + person + "/" + skill, before, after);
            out.add(after);
        }
        return out;
    }

    private SkillRecord put(SkillRecord r) {
        return db.write(() -> {
            cells.put(key(r.person(), r.skill()), encode(r));
            Map<String, Map<String, SkillRecord>> before = byPerson;
            db.onRollback(() -> byPerson = before);
            Map<String, Map<String, SkillRecord>> next = copy(before);
            next.computeIfAbsent(r.person(), k -> new HashMap<>()).put(r.skill(), r);
            byPerson = freeze(next);
            return r;
        });
    }

    private Skill checkedSkill(String person, String skill) {
        List<Problem> problems = new ArrayList<>();
        if (person == null || plant.person(person).isEmpty()) {
            problems.add(new Problem("person", "unknown person '" + person + "'"));
        }
        Optional<Skill> s = catalog.skill(skill);
        if (s.isEmpty()) {
            problems.add(new Problem("skill", "unknown skill '" + skill
                    + "'; skills are station ids, equipment names or procedures declared under skills: in the plant file"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return s.get();
    }

    private void requireManage(Principal actor, Skill s) {
        if (s.lines().isEmpty()) {
            policy.require(actor, Action.SKILLS_MANAGE, null);
        }
        for (String line : s.lines()) {
            policy.require(actor, Action.SKILLS_MANAGE, line);
        }
    }

    private static Map<String, Map<String, SkillRecord>> copy(Map<String, Map<String, SkillRecord>> m) {
        Map<String, Map<String, SkillRecord>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, new HashMap<>(v)));
        return out;
    }

    /** Read-only views over hash maps: the immutable Map.copyOf tables probe slower on the decision path. */
    private static Map<String, Map<String, SkillRecord>> freeze(Map<String, Map<String, SkillRecord>> m) {
        Map<String, Map<String, SkillRecord>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new HashMap<>(v))));
        return Collections.unmodifiableMap(out);
    }

    private static String key(String person, String skill) {
        return person + "|" + skill;
    }

    private String encode(SkillRecord r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("skill record cannot be encoded", e);
        }
    }

    private SkillRecord decode(String text) {
        try {
            return json.readValue(text, SkillRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored skill record cannot be decoded", e);
        }
    }
}
