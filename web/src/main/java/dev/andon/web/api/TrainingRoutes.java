package dev.andon.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.andon.assistant.training.Training;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Principal;
import dev.andon.web.auth.Principals;
import dev.andon.web.http.EngineWorkers;
import dev.andon.web.http.JsonResponses;
import dev.andon.web.http.RequestBodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Onboarding paths, one's own progress (read, quiz), and what trainers do (shape the standard path, observe practical
 * tasks, sign off modules, the dashboard). The engine checks who may do what; these routes only read bodies.
 */
public final class TrainingRoutes {
    private final Training training;
    private final EngineWorkers workers;
    private final RequestBodies bodies;
    private final JsonResponses responses;

    public TrainingRoutes(Training training, EngineWorkers workers, RequestBodies bodies, JsonResponses responses) {
        this.training = training;
        this.workers = workers;
        this.bodies = bodies;
        this.responses = responses;
    }

    public void mount(Router router) {
        router.get("/api/training/paths/:role/:line").handler(ctx -> {
            Principals.of(ctx);
            responses.reply(ctx, 200, workers.run(() -> training.path(ctx.pathParam("role"), ctx.pathParam("line"))));
        });
        router.put("/api/training/paths/:role/:line").handler(this::saveStandard);
        router.get("/api/training/me").handler(ctx -> {
            Principal me = Principals.of(ctx);
            responses.reply(ctx, 200, workers.run(() -> Map.of("person", me.id(), "paths", training.progress(me.id()))));
        });
        router.post("/api/training/me/read").handler(this::read);
        router.get("/api/training/me/quiz").handler(this::quiz);
        router.post("/api/training/me/quiz").handler(this::answer);
        router.get("/api/training/people/:person").handler(ctx -> {
            Principals.of(ctx);
            String person = ctx.pathParam("person");
            responses.reply(ctx, 200, workers.run(() -> Map.of("person", person, "paths", training.progress(person))));
        });
        router.post("/api/training/people/:person/observed").handler(this::observe);
        router.post("/api/training/people/:person/sign-off").handler(this::signOff);
        router.get("/api/training/dashboard").handler(ctx -> {
            Principal me = Principals.of(ctx);
            String line = ctx.queryParams().get("line");
            responses.reply(ctx, 200, workers.run(() -> Map.of("people", training.dashboard(me, line))));
        });
    }

    private void saveStandard(RoutingContext ctx) {
        Principal me = Principals.of(ctx);
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        List<String> order = strings(body, "order");
        Set<String> pinned = new LinkedHashSet<>(strings(body, "pinned"));
        Set<String> dropped = new LinkedHashSet<>(strings(body, "dropped"));
        String role = ctx.pathParam("role");
        String line = ctx.pathParam("line");
        responses.reply(ctx, 200, workers.run(() -> training.saveStandard(me, role, line, order, pinned, dropped)));
    }

    private void read(RoutingContext ctx) {
        Principal me = Principals.of(ctx);
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        String role = RequestBodies.requiredText(body, "role");
        String line = RequestBodies.requiredText(body, "line");
        String item = RequestBodies.requiredText(body, "item");
        responses.reply(ctx, 200, workers.run(() -> training.markRead(me, role, line, item)));
    }

    private void quiz(RoutingContext ctx) {
        Principal me = Principals.of(ctx);
        String role = required(ctx, "role");
        String line = required(ctx, "line");
        String item = required(ctx, "item");
        responses.reply(ctx, 200, workers.run(() -> Map.of("item", item, "passPercent", Training.PASS_PERCENT,
                "questions", training.quiz(me, role, line, item))));
    }

    private void answer(RoutingContext ctx) {
        Principal me = Principals.of(ctx);
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        String role = RequestBodies.requiredText(body, "role");
        String line = RequestBodies.requiredText(body, "line");
        String item = RequestBodies.requiredText(body, "item");
        JsonNode a = body.get("answers");
        if (a == null || !a.isArray()) {
            throw new InvalidInputException("answers", "must be a list of option numbers, one per question");
        }
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isInt()) {
                throw new InvalidInputException("answers[" + i + "]", "must be a whole number (the option, from 0)");
            }
            answers.add(a.get(i).asInt());
        }
        responses.reply(ctx, 200, workers.run(() -> training.answerQuiz(me, role, line, item, answers)));
    }

    private void observe(RoutingContext ctx) {
        Principal me = Principals.of(ctx);
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        String person = ctx.pathParam("person");
        String role = RequestBodies.requiredText(body, "role");
        String line = RequestBodies.requiredText(body, "line");
        String item = RequestBodies.requiredText(body, "item");
        responses.reply(ctx, 200, workers.run(() -> training.observe(me, person, role, line, item)));
    }

    private void signOff(RoutingContext ctx) {
        Principal me = Principals.of(ctx);
        JsonNode body = RequestBodies.requireObject(bodies.json(ctx));
        String person = ctx.pathParam("person");
        String role = RequestBodies.requiredText(body, "role");
        String line = RequestBodies.requiredText(body, "line");
        String module = RequestBodies.requiredText(body, "module");
        responses.reply(ctx, 201, workers.run(() -> training.signOff(me, person, role, line, module)));
    }

    private static String required(RoutingContext ctx, String name) {
        String v = ctx.queryParams().get(name);
        if (v == null || v.isBlank()) {
            throw new InvalidInputException(name, "is required");
        }
        return v;
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode n = body.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new InvalidInputException(field, "must be a list of item ids");
        }
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) {
                throw new InvalidInputException(field + "[" + i + "]", "must be an item id (text)");
            }
            out.add(n.get(i).asText());
        }
        return out;
    }
}
