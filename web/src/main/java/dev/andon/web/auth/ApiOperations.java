package dev.andon.web.auth;

import dev.andon.core.alert.IncomingAlertReader;
import dev.andon.core.identity.Action;
import dev.andon.core.plant.AlertType;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Station;
import dev.andon.rules.heartbeat.HeartbeatMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.andon.web.auth.BodySchema.*;
import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

/**
 * Every operation of the HTTP API with the permission it needs: the one table from which the guards are mounted and
 * the OpenAPI document is written. An endpoint that is not listed here is not served (deny by default).
 */
public final class ApiOperations {
    /**
     * The 202 of POST /api/alerts (AlertReceipt): sent once the alert is committed. It carries the id, state and a
     * summary of the decision; the whole record (steps, escalation, fired rules, history) is at {@code link}.
     */
    private static final ApiOperation.Answer ALERT_RECEIPT = new ApiOperation.Answer(202,
            "committed to disk and decided: a receipt; GET link for the whole record with its steps and reasons",
            Map.of("type", "object", "required", List.of("id", "state", "alert", "occurrences", "link"),
                    "properties", Map.of(
                            "id", Map.of("type", "string"),
                            "state", Map.of("type", "string", "description", "assigned, suppressed, or the state of the open alert a repeat was counted on"),
                            "alert", Map.of("type", "object", "description", "id, source, line, station, type, severity"),
                            "decision", Map.of("type", "object", "description",
                                    "runbook, ownerRole, assignee, acknowledgeBy, resolveBy, flags, rulesetVersion"),
                            "occurrences", Map.of("type", "integer"),
                            "incidentId", Map.of("type", "string"),
                            "suppressedBy", Map.of("type", "string"),
                            "link", Map.of("type", "string", "description", "/api/alerts/{id}"))));

    private ApiOperations() {
    }

    /** The operations with free-text plant vocabulary (enough for who may call what). */
    public static List<ApiOperation> all() {
        return operations(List.of(), List.of(), List.of());
    }

    /**
     * The operations as this plant's API serves them: an alert's line, station and type must be ones the plant
     * knows, so the published contract tells a model gateway the values it may send.
     */
    public static List<ApiOperation> all(Plant plant) {
        return operations(plant.lines().stream().map(Line::id).toList(),
                plant.lines().stream().flatMap(l -> l.stations().stream()).map(Station::id).distinct().sorted().toList(),
                plant.alertTypes().stream().map(AlertType::id).toList());
    }

    private static List<ApiOperation> operations(List<String> lines, List<String> stations, List<String> types) {
        List<ApiOperation> ops = new ArrayList<>();
        // sign-in
        ops.add(ApiOperation.open(POST, "/api/auth/login", "sign in with user and password; sets the session cookie")
                .with(json(credentials())));
        ops.add(ApiOperation.open(POST, "/api/auth/token", "sign in with user and password; returns a bearer token (JWT)")
                .with(json(credentials())));
        ops.add(ApiOperation.open(GET, "/api/auth/session", "who is signed in on this browser, with the CSRF token"));
        ops.add(ApiOperation.open(GET, "/api/auth/oidc/login", "single sign-on: off to the OpenID Connect provider"));
        ops.add(ApiOperation.open(GET, "/api/auth/oidc/callback", "single sign-on: back from the provider; sets the session cookie"));
        ops.add(ApiOperation.signedIn(POST, "/api/auth/logout", "end this browser session"));
        ops.add(ApiOperation.signedIn(POST, "/api/auth/password", "change your own password")
                .with(json(object().optional("currentPassword", text(1024)).required("newPassword", text(1024))
                .described("currentPassword may be left out only while signed in with a one-time password").build())));
        ops.add(ApiOperation.signedIn(GET, "/api/auth/me", "who you are: roles, lines, what you may do"));
        // users, tokens, audit
        ops.add(ApiOperation.of(GET, "/api/users", Action.USERS_MANAGE, "people and accounts"));
        ops.add(ApiOperation.of(POST, "/api/users/:id/one-time-password", Action.USERS_MANAGE, "issue a one-time password"));
        ops.add(ApiOperation.of(POST, "/api/users/:id/admin", Action.USERS_MANAGE, "grant or revoke the admin role")
                .with(json(object().required("admin", flag()).build())));
        ops.add(ApiOperation.of(POST, "/api/users/:id/disabled", Action.USERS_MANAGE, "disable or enable an account")
                .with(json(object().required("disabled", flag()).build())));
        ops.add(ApiOperation.of(GET, "/api/tokens", Action.TOKENS_MANAGE, "machine tokens"));
        ops.add(ApiOperation.of(POST, "/api/tokens", Action.TOKENS_MANAGE, "create a machine token (secret shown once)")
                .with(json(object().required("name", text(200)).required("scopes", list(text(), 20))
                .optional("lines", list(text(), 100)).build())));
        ops.add(ApiOperation.of(POST, "/api/tokens/:id/revoke", Action.TOKENS_MANAGE, "revoke a machine token"));
        ops.add(ApiOperation.of(GET, "/api/audit", Action.AUDIT_READ, "audit trail, newest first"));
        ops.add(ApiOperation.of(GET, "/metrics", Action.METRICS_READ, "Prometheus metrics (a scraper's machine token: metrics:read)"));
        ops.add(ApiOperation.of(GET, "/api/audit/verify", Action.AUDIT_READ, "check the audit chain"));
        // alerts
        ops.add(ApiOperation.of(POST, "/api/alerts", Action.ALERTS_RAISE, "raise an alert (line checked against the alert's line)")
                .with(json(alert(lines, stations, types))).answering(ALERT_RECEIPT));
        ops.add(ApiOperation.of(GET, "/api/alerts", Action.ALERTS_READ, "list alerts"));
        ops.add(ApiOperation.of(GET, "/api/alerts/:id", Action.ALERTS_READ, "an alert with its decision"));
        ops.add(ApiOperation.of(POST, "/api/alerts/:id/transitions", Action.ALERTS_TRANSITION, "acknowledge, start, resolve… (on the alert's line)")
                .with(json(object().required("to", text(40)).optional("note", text(2000)).mustBeYou("actor")
                .optional("cause", text(2000)).optional("causeCode", text(64)).optional("action", text(2000))
                .optional("actionCode", text(64)).build())));
        ops.add(ApiOperation.of(GET, "/api/alerts/:id/escalations", Action.ALERTS_READ, "pending escalation steps"));
        ops.add(ApiOperation.of(GET, "/api/events", Action.EVENTS_SUBSCRIBE, "server-sent events"));
        ops.add(ApiOperation.of(POST, "/api/replay", Action.REPLAY_RUN, "replay a recording through intake (multipart; speed=max|60x)")
                .with(multipart(object().required("file", file()).optional("speed", text(20)).open().build())));
        ops.add(ApiOperation.of(GET, "/api/replay/:id", Action.REPLAY_RUN, "progress and report of a paced replay"));
        // connectors
        ops.add(ApiOperation.signedIn(GET, "/api/connectors", "connectors with their health; dead-letter counts"));
        ops.add(ApiOperation.of(GET, "/api/connectors/dead-letters", Action.CONNECTORS_MANAGE, "dead letters, newest first"));
        ops.add(ApiOperation.of(POST, "/api/connectors/alertmanager", Action.ALERTS_RAISE, "Prometheus Alertmanager webhook (v4; each alert's line checked; ?connector= with several)")
                .with(json(anyObject("an Alertmanager webhook message (version 4); each alert is mapped by the connector"))));
        ops.add(ApiOperation.of(POST, "/api/connectors/webhooks/:name", Action.ALERTS_RAISE, "generic alert webhook (bound callers; optional HMAC signature)")
                .with(json(anyObject("a JSON object; the webhook's configured mapping reads its fields"))));
        ops.add(ApiOperation.signedIn(GET, "/api/connectors/:name", "a connector's health"));
        ops.add(ApiOperation.of(POST, "/api/connectors/:name/enable", Action.CONNECTORS_MANAGE, "switch a connector on"));
        ops.add(ApiOperation.of(POST, "/api/connectors/:name/disable", Action.CONNECTORS_MANAGE, "switch a connector off"));
        // plant and lines
        ops.add(ApiOperation.of(GET, "/api/plant", Action.PLANT_READ, "the plant: lines, stations, roles, alert types"));
        ops.add(ApiOperation.of(GET, "/api/people", Action.PLANT_READ, "people of the plant"));
        ops.add(ApiOperation.of(GET, "/api/lines", Action.PLANT_READ, "lines"));
        ops.add(ApiOperation.onLine(GET, "/api/lines/:id/status", Action.ALERTS_READ, "id", "line status"));
        ops.add(ApiOperation.onLine(POST, "/api/lines/:id/stations/:station/status", Action.STATIONS_WRITE, "id", "report a station's state")
                .with(json(object().required("state", text(40)).optional("reason", text(500)).build())));
        // shifts, line events and OEE, handover, what fixed it last time
        ops.add(ApiOperation.onLine(GET, "/api/lines/:id/shifts", Action.PLANT_READ, "id", "current, previous and next shift with their crews"));
        ops.add(ApiOperation.of(GET, "/api/roster/swaps", Action.PLANT_READ, "roster swaps"));
        ops.add(ApiOperation.of(POST, "/api/roster/swaps", Action.ROSTER_MANAGE, "record a roster swap (on the shift's line)")
                .with(json(object().required("shift", text(200)).required("role", text(100)).required("out", text(100))
                .required("in", text(100)).optional("reason", text(500)).build())));
        ops.add(ApiOperation.onLine(POST, "/api/lines/:id/events", Action.LINE_EVENTS_WRITE, "id", "a batch of line events (state changes, counts)")
                .with(json(object().required("events", Map.of("type", "array", "minItems", 1, "items", lineEvent())).build())));
        ops.add(ApiOperation.onLine(GET, "/api/lines/:id/kpis", Action.PLANT_READ, "id", "OEE, downtime and scrap Pareto per shift or date range"));
        ops.add(ApiOperation.of(GET, "/api/board", Action.PLANT_READ, "the andon board: every station's state, open alerts, OEE"));
        ops.add(ApiOperation.onLine(GET, "/api/lines/:id/handover", Action.HANDOVER_READ, "id", "the handover report of a line's shift (JSON, md, html)"));
        ops.add(ApiOperation.of(GET, "/api/handovers", Action.HANDOVER_READ, "handover reports, newest shift first"));
        ops.add(ApiOperation.of(GET, "/api/handovers/mine", Action.HANDOVER_READ, "the latest report handed over to you"));
        ops.add(ApiOperation.of(GET, "/api/handovers/:key", Action.HANDOVER_READ, "a handover report (JSON, md, html)"));
        ops.add(ApiOperation.of(PATCH, "/api/handovers/:key", Action.HANDOVER_SIGN, "edit a report (that shift's outgoing leader)")
                .with(json(handoverEdit())));
        ops.add(ApiOperation.of(POST, "/api/handovers/:key/sign", Action.HANDOVER_SIGN, "sign (that shift's outgoing leader)"));
        ops.add(ApiOperation.of(POST, "/api/handovers/:key/accept", Action.HANDOVER_SIGN, "accept and lock (the incoming leader)")
                .with(optionalJson(object().optional("note", Map.of("type", "string")).build())));
        ops.add(ApiOperation.of(POST, "/api/handovers/:key/send-back", Action.HANDOVER_SIGN, "send back with a question (the incoming leader)")
                .with(json(object().required("question", Map.of("type", "string")).build())));
        ops.add(ApiOperation.of(GET, "/api/alerts/:id/recurrence", Action.ALERTS_READ, "last resolutions of the same problem and this month's count"));
        ops.add(ApiOperation.of(GET, "/api/alerts/:id/resolution", Action.ALERTS_READ, "what fixed this alert"));
        // silences, heartbeats, incidents
        ops.add(ApiOperation.of(GET, "/api/silences", Action.ALERTS_READ, "silences"));
        ops.add(ApiOperation.of(POST, "/api/silences", Action.SILENCES_MANAGE, "create a silence (on its line)")
                .with(json(object().optional("kind", oneOf("silence", "maintenance-window")).optional("line", text(500))
                .optional("station", text(500)).optional("type", text(500)).optional("startsAt", instant())
                .required("endsAt", instant()).mustBeYou("author").optional("reason", text(500)).build())));
        ops.add(ApiOperation.of(GET, "/api/silences/:id", Action.ALERTS_READ, "a silence"));
        ops.add(ApiOperation.of(POST, "/api/silences/:id/expire", Action.SILENCES_MANAGE, "end a silence"));
        ops.add(ApiOperation.of(POST, "/api/heartbeats", Action.HEARTBEATS_WRITE, "a model heartbeat")
                .with(json(object().required("source", text(HeartbeatMonitor.MAX_TEXT)).required("line", text(HeartbeatMonitor.MAX_TEXT))
                .optional("station", text(HeartbeatMonitor.MAX_TEXT)).optional("modelVersion", text(HeartbeatMonitor.MAX_TEXT)).build())));
        ops.add(ApiOperation.of(GET, "/api/heartbeats", Action.ALERTS_READ, "models and their last heartbeat"));
        ops.add(ApiOperation.of(GET, "/api/incidents", Action.INCIDENTS_READ, "incidents"));
        ops.add(ApiOperation.of(GET, "/api/incidents/:id", Action.INCIDENTS_READ, "an incident"));
        ops.add(ApiOperation.of(POST, "/api/incidents/:id/resolve", Action.ALERTS_TRANSITION, "resolve an incident's alerts"));
        // rulesets
        ops.add(ApiOperation.of(GET, "/api/rulesets", Action.RULESETS_READ, "ruleset versions"));
        ops.add(ApiOperation.of(POST, "/api/rulesets", Action.RULESETS_UPLOAD, "upload a ruleset (multipart)")
                .with(multipartOrJson(object().required("files", file()).open().build(),
                object().required("files", mapOf(Map.of("type", "string"))).mustBeYou("author").build())));
        ops.add(ApiOperation.of(POST, "/api/rulesets/rollback", Action.RULESETS_ACTIVATE, "roll back to the previous version"));
        ops.add(ApiOperation.of(GET, "/api/rulesets/:version", Action.RULESETS_READ, "a ruleset version"));
        ops.add(ApiOperation.of(POST, "/api/rulesets/:version/backtest", Action.RULESETS_UPLOAD, "backtest a version"));
        ops.add(ApiOperation.of(POST, "/api/rulesets/:version/approve", Action.RULESETS_APPROVE, "approve (never your own)"));
        ops.add(ApiOperation.of(POST, "/api/rulesets/:version/activate", Action.RULESETS_ACTIVATE, "activate an approved version"));
        // knowledge
        ops.add(ApiOperation.of(GET, "/api/knowledge/search", Action.KNOWLEDGE_READ, "search the knowledge base"));
        ops.add(ApiOperation.of(GET, "/api/knowledge/documents", Action.KNOWLEDGE_READ, "documents"));
        ops.add(ApiOperation.of(POST, "/api/knowledge/documents", Action.DOCUMENTS_UPLOAD, "upload a document (multipart)")
                .with(multipart(object().required("file", file()).open()
                .described("metadata (id, title, version, type, owner, …) may be given as form fields").build())));
        ops.add(ApiOperation.of(POST, "/api/knowledge/rebuild", Action.DOCUMENTS_APPROVE, "rebuild the index"));
        ops.add(ApiOperation.of(GET, "/api/knowledge/documents/:id", Action.KNOWLEDGE_READ, "a document"));
        ops.add(ApiOperation.of(GET, "/api/knowledge/documents/:id/sections/:section", Action.KNOWLEDGE_READ, "a section"));
        ops.add(ApiOperation.of(DELETE, "/api/knowledge/documents/:id", Action.DOCUMENTS_DELETE,
                "delete a document (a controlled one waits for approval: 202)"));
        ops.add(ApiOperation.of(POST, "/api/knowledge/imports", Action.DOCUMENTS_IMPORT_FOLDER, "import a folder on the server")
                .with(json(object().required("path", text(4096)).optional("fields", mapOf(Map.of("type", "string"))).build())));
        // Drafts: the list says who asked for what; the text of a draft is for approvers only.
        ops.add(ApiOperation.of(GET, "/api/knowledge/drafts", Action.KNOWLEDGE_READ, "changes waiting for approval"));
        ops.add(ApiOperation.of(GET, "/api/knowledge/documents/:id/versions/:version/draft", Action.DOCUMENTS_APPROVE,
                "a draft version with its sections"));
        ops.add(ApiOperation.of(POST, "/api/knowledge/documents/:id/versions/:version/approve", Action.DOCUMENTS_APPROVE,
                "approve a draft (its owner role; never your own)"));
        ops.add(ApiOperation.signedIn(POST, "/api/knowledge/documents/:id/versions/:version/reject",
                "reject a draft (an approver) or withdraw your own"));
        ops.add(ApiOperation.of(POST, "/api/knowledge/documents/:id/deletion/approve", Action.DOCUMENTS_APPROVE,
                "approve a requested deletion (its owner role; never your own)"));
        ops.add(ApiOperation.signedIn(POST, "/api/knowledge/documents/:id/deletion/reject",
                "reject a requested deletion (an approver) or withdraw your own"));
        ops.add(ApiOperation.of(GET, "/knowledge/documents/:id/sections/:section", Action.KNOWLEDGE_READ,
                "a section as a readable HTML page (chat citations link here)"));
        // chat
        ops.add(ApiOperation.of(POST, "/api/chat", Action.CHAT_USE, "ask the assistant")
                .with(json(object().required("message", text(4000)).optional("conversationId", text(200)).optional("line", text(100))
                .mustBeYou("userId", "role").build())));
        ops.add(ApiOperation.of(POST, "/api/chat/stream", Action.CHAT_USE, "ask the assistant, streamed (SSE)")
                .with(json(object().required("message", text(4000)).optional("conversationId", text(200)).optional("line", text(100))
                .mustBeYou("userId", "role").build())));
        ops.add(ApiOperation.of(POST, "/api/chat/feedback", Action.CHAT_USE, "feedback on an answer of yours")
                .with(json(object().required("answerId", text(200)).required("rating", text(40)).optional("comment", text(2000))
                .mustBeYou("userId").build())));
        ops.add(ApiOperation.of(GET, "/api/chat/conversations", Action.CHAT_USE, "your conversations"));
        ops.add(ApiOperation.of(GET, "/api/chat/conversations/:id", Action.CHAT_USE, "one of your conversations"));
        // skills matrix and coverage (changes: the engine checks skills:manage on every line the skill is needed on)
        ops.add(ApiOperation.of(GET, "/api/skills", Action.PLANT_READ, "skills: stations, equipment, declared procedures"));
        ops.add(ApiOperation.of(GET, "/api/skills/matrix", Action.PLANT_READ, "the skills matrix (?person=&line=) with status"));
        ops.add(ApiOperation.of(PUT, "/api/skills/matrix/:person/:skill", Action.SKILLS_MANAGE, "set a qualification (level, until)")
                .with(json(object().required("level", text(40)).optional("until", Map.of("type", "string",
                "description", "a date (2027-06-30) or an ISO-8601 time")).build())));
        ops.add(ApiOperation.of(DELETE, "/api/skills/matrix/:person/:skill", Action.SKILLS_MANAGE, "remove a qualification"));
        ops.add(ApiOperation.of(GET, "/api/skills/recertification", Action.PLANT_READ, "qualifications lapsing within ?within= days"));
        ops.add(ApiOperation.of(GET, "/api/skills/coverage", Action.PLANT_READ, "skills nobody on shift can do (?line=&from=&days=)"));
        ops.add(ApiOperation.of(GET, "/api/skills/:skill/on-shift", Action.PLANT_READ, "who on the current shift can do a skill"));
        // training (sign-off and observation: the engine checks training:manage on the path's line, and never one's own)
        ops.add(ApiOperation.of(GET, "/api/training/paths/:role/:line", Action.TRAINING_TAKE, "the onboarding path of a role on a line"));
        ops.add(ApiOperation.onLine(PUT, "/api/training/paths/:role/:line", Action.TRAINING_MANAGE, "line", "save the line's standard path")
                .with(json(object().optional("order", list(text(), 500)).optional("pinned", list(text(), 500))
                .optional("dropped", list(text(), 500)).build())));
        ops.add(ApiOperation.of(GET, "/api/training/me", Action.TRAINING_TAKE, "your paths and progress"));
        ops.add(ApiOperation.of(POST, "/api/training/me/read", Action.TRAINING_TAKE, "mark a section of your path read")
                .with(json(pathItem("item"))));
        ops.add(ApiOperation.of(GET, "/api/training/me/quiz", Action.TRAINING_TAKE, "a quiz of your path, without answers"));
        ops.add(ApiOperation.of(POST, "/api/training/me/quiz", Action.TRAINING_TAKE, "answer a quiz of your path")
                .with(json(object().required("role", text(100)).required("line", text(100)).required("item", text(200))
                .required("answers", list(Map.of("type", "integer", "minimum", 0), 200)).build())));
        ops.add(ApiOperation.of(GET, "/api/training/people/:person", Action.TRAINING_MANAGE, "someone's progress"));
        ops.add(ApiOperation.of(POST, "/api/training/people/:person/observed", Action.TRAINING_MANAGE, "record a practical task as shown")
                .with(json(pathItem("item"))));
        ops.add(ApiOperation.of(POST, "/api/training/people/:person/sign-off", Action.TRAINING_MANAGE, "sign off a complete module")
                .with(json(pathItem("module"))));
        ops.add(ApiOperation.of(GET, "/api/training/dashboard", Action.TRAINING_MANAGE, "progress and pending sign-offs (?line=)"));
        ops.add(ApiOperation.of(POST, "/api/training/quiz-drafts", Action.TRAINING_MANAGE, "ask the language model for quiz questions on a section")
                .with(json(object().required("document", text(200)).required("section", text(200))
                .optional("count", wholeNumber(1, 10)).build())));
        ops.add(ApiOperation.of(GET, "/api/training/quiz-drafts", Action.TRAINING_MANAGE, "quiz drafts (?document=)"));
        ops.add(ApiOperation.of(POST, "/api/training/quiz-drafts/:id/approve", Action.TRAINING_MANAGE, "approve a drafted question: it joins the quiz"));
        ops.add(ApiOperation.of(POST, "/api/training/quiz-drafts/:id/reject", Action.TRAINING_MANAGE, "reject a drafted question")
                .with(optionalJson(object().optional("reason", text(2000)).build())));
        return List.copyOf(ops);
    }

    private static Map<String, Object> credentials() {
        return object().required("user", text(200)).required("password", text(1024)).build();
    }

    /** What a model gateway sends; extra fields are ignored so gateways can carry their own. */
    private static Map<String, Object> alert(List<String> lines, List<String> stations, List<String> types) {
        return object().required("source", text(IncomingAlertReader.MAX_TEXT)).optional("modelVersion", text(IncomingAlertReader.MAX_TEXT))
                .required("line", known(lines)).required("station", known(stations)).required("type", known(types))
                .required("severity", oneOf("low", "medium", "high", "critical"))
                .required("confidence", number(0, 1)).required("timestamp", instant())
                .optional("payload", anyObject("what the model saw; size and depth are limited")).open().build();
    }

    private static Map<String, Object> known(List<String> values) {
        return values.isEmpty() ? text(100) : oneOf(values.toArray(String[]::new));
    }

    private static Map<String, Object> lineEvent() {
        // ranges, times and codes are the reader's: it names every bad event of a batch at once
        Map<String, Object> count = Map.of("type", "integer");
        return object().required("key", text(200)).optional("type", oneOf("state", "count")).required("station", text(100))
                .optional("at", instant()).optional("state", text(40)).optional("reason", text(100))
                .optional("good", count).optional("scrap", count).optional("rework", count)
                .optional("scrapReason", text(100)).optional("product", text(200)).optional("order", text(200))
                .optional("batch", text(200)).build();
    }

    private static Map<String, Object> handoverEdit() {
        // lengths and counts are the handover engine's to check: it names the limit it applies
        Map<String, Object> texts = Map.of("type", "array", "items", Map.of("type", "string"));
        Map<String, Object> action = object().optional("id", text(100)).optional("text", Map.of("type", "string"))
                .optional("owner", text(200)).optional("since", text(200)).optional("closed", flag()).build();
        return object().optional("incidents", texts).optional("nearMisses", texts).optional("openLockouts", texts)
                .optional("equipmentNotes", texts).optional("qualityHolds", texts).optional("actions", Map.of("type", "array", "items", action))
                .optional("standingInstructions", texts).optional("notes", Map.of("type", "string")).build();
    }

    /** A path of a role on a line and one of its items (a section, a task, a module). */
    private static Map<String, Object> pathItem(String item) {
        return object().required("role", text(100)).required("line", text(100)).required(item, text(200)).build();
    }
}
