package dev.andon.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.Problem;
import dev.andon.core.identity.Principal;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Qualification.Level;
import dev.andon.core.plant.Shift;
import dev.andon.core.plant.ShiftRoster;
import dev.andon.core.skills.Coverage;
import dev.andon.core.skills.Skill;
import dev.andon.core.skills.SkillsMatrix;
import dev.andon.web.auth.Principals;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The skills matrix, re-certification, coverage gaps and "who on this shift can do X"; changes need skills:manage. */
public final class SkillsRoutes {
    static final int MAX_DAYS = 31;

    private final Plant plant;
    private final SkillsMatrix matrix;
    private final Coverage coverage;
    private final ShiftRoster roster;
    private final EngineWorkers workers;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final Clock clock;

    public SkillsRoutes(Plant plant, SkillsMatrix matrix, Coverage coverage, EngineWorkers workers, RequestBodies bodies,
                        JsonResponses responses, Clock clock) {
        this.plant = plant;
        this.matrix = matrix;
        this.coverage = coverage;
        this.roster = new ShiftRoster(plant);
        this.workers = workers;
        this.bodies = bodies;
        this.responses = responses;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/api/skills").handler(ctx -> {
            Principals.of(ctx);
            responses.ok(ctx, Map.of("skills", matrix.catalog().all()));
        });
        router.get("/api/skills/matrix").handler(this::matrix);
        router.put("/api/skills/matrix/:person/:skill").handler(this::set);
        router.delete("/api/skills/matrix/:person/:skill").handler(this::remove);
        router.get("/api/skills/recertification").handler(this::recertification);
        router.get("/api/skills/coverage").handler(this::coverage);
        router.get("/api/skills/:skill/on-shift").handler(this::onShift);
    }

    private void matrix(RoutingContext ctx) {
        Principals.of(ctx);
        String person = ctx.queryParams().get("person");
        String line = line(ctx);
        if (person != null && plant.person(person).isEmpty()) {
            throw new NotFoundException("person", person);
        }
        LocalDate day = matrix.today();
        responses.reply(ctx, 200, workers.run(() -> Map.of("day", day, "entries", matrix.entries(person, line, day))));
    }

    private void set(RoutingContext ctx) {
        Principal actor = Principals.of(ctx);
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        List<Problem> problems = new ArrayList<>();
        Level level = null;
        String levelText = RequestBodies.text(body, "level");
        if (levelText == null) {
            problems.add(new Problem("level", "is required (in-training, qualified or trainer)"));
        } else {
            try {
                level = Level.parse(levelText);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("level", e.getMessage()));
            }
        }
        LocalDate until = null;
        String untilText = RequestBodies.text(body, "until");
        if (untilText != null) {
            try {
                until = LocalDate.parse(untilText);
            } catch (DateTimeParseException e) {
                problems.add(new Problem("until", "'" + untilText + "' is not a date (YYYY-MM-DD)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Level l = level;
        LocalDate u = until;
        String person = ctx.pathParam("person");
        String skill = ctx.pathParam("skill");
        responses.reply(ctx, 200, workers.run(() -> matrix.set(actor, person, skill, l, u)));
    }

    private void remove(RoutingContext ctx) {
        Principal actor = Principals.of(ctx);
        String person = ctx.pathParam("person");
        String skill = ctx.pathParam("skill");
        workers.run(() -> {
            matrix.remove(actor, person, skill);
            return null;
        }).onSuccess(x -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private void recertification(RoutingContext ctx) {
        Principals.of(ctx);
        int within = intParam(ctx, "within", SkillsMatrix.RECERTIFY_DAYS, 0, 366);
        LocalDate day = matrix.today();
        responses.reply(ctx, 200, workers.run(() -> Map.of("day", day, "withinDays", within,
                "entries", matrix.recertification(day, within))));
    }

    private void coverage(RoutingContext ctx) {
        Principals.of(ctx);
        String line = line(ctx);
        int days = intParam(ctx, "days", 7, 1, MAX_DAYS);
        LocalDate from = matrix.today();
        String fromText = ctx.queryParams().get("from");
        if (fromText != null) {
            try {
                from = LocalDate.parse(fromText);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("from", "'" + fromText + "' is not a date (YYYY-MM-DD)");
            }
        }
        LocalDate start = from;
        responses.reply(ctx, 200, workers.run(() -> coverage.gaps(start, days, line)));
    }

    /** Who on the current shift can do a skill, per line (only the asked line when given). */
    private void onShift(RoutingContext ctx) {
        Principals.of(ctx);
        String id = ctx.pathParam("skill");
        Skill skill = matrix.catalog().skill(id).orElseThrow(() -> new NotFoundException("skill", id));
        String line = line(ctx);
        responses.reply(ctx, 200, workers.run(() -> {
            LocalDate day = matrix.today();
            Shift shift = roster.shiftAt(clock.instant()).orElse(null);
            List<Map<String, Object>> lines = new ArrayList<>();
            for (var l : plant.lines()) {
                if ((line != null && !line.equals(l.id())) || !skill.neededOn(l.id()) || shift == null) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("line", l.id());
                row.put("people", coverage.qualifiedOn(day, shift.id(), l.id(), skill).stream()
                        .map(p -> Map.of("id", p, "name", plant.person(p).map(Person::name).orElse(p))).toList());
                lines.add(row);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("skill", skill);
            out.put("shift", shift == null ? null : shift.id());
            out.put("day", day);
            out.put("lines", lines);
            return out;
        }));
    }

    private String line(RoutingContext ctx) {
        String line = ctx.queryParams().get("line");
        if (line != null && plant.line(line).isEmpty()) {
            throw new NotFoundException("line", line);
        }
        return line;
    }

    private static int intParam(RoutingContext ctx, String name, int dflt, int min, int max) {
        String text = ctx.queryParams().get(name);
        if (text == null) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw new InvalidInputException(name, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "'" + text + "' is not a whole number");
        }
    }
}
