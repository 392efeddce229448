package dev.andon.core.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Everything the permission policy can allow. The wire name ({@code alerts:transition}) is what the policy file, the
 * OpenAPI document and error messages use.
 */
public enum Action {
    PLANT_READ("plant:read", false),
    ALERTS_READ("alerts:read", true),
    ALERTS_RAISE("alerts:raise", true),
    ALERTS_TRANSITION("alerts:transition", true),
    EVENTS_SUBSCRIBE("events:subscribe", false),
    STATIONS_WRITE("stations:write", true),
    LINE_EVENTS_WRITE("line-events:write", true),
    HEARTBEATS_WRITE("heartbeats:write", false),
    SILENCES_MANAGE("silences:manage", true),
    INCIDENTS_READ("incidents:read", false),
    REPLAY_RUN("replay:run", false),
    RULESETS_READ("rulesets:read", false),
    RULESETS_UPLOAD("rulesets:upload", false),
    RULESETS_APPROVE("rulesets:approve", false),
    RULESETS_ACTIVATE("rulesets:activate", false),
    KNOWLEDGE_READ("knowledge:read", false),
    DOCUMENTS_UPLOAD("documents:upload", false),
    DOCUMENTS_APPROVE("documents:approve", false),
    DOCUMENTS_DELETE("documents:delete", false),
    /** Bulk import of a folder on the server's own disk: admins only, since it reads any path the service can. */
    DOCUMENTS_IMPORT_FOLDER("documents:import-folder", false),
    CHAT_USE("chat:use", false),
    HANDOVER_READ("handover:read", true),
    HANDOVER_SIGN("handover:sign", true),
    HANDOVER_NOTE("handover:note", true),
    ROSTER_MANAGE("roster:manage", true),
    TRAINING_TAKE("training:take", false),
    TRAINING_MANAGE("training:manage", true),
    SKILLS_MANAGE("skills:manage", true),
    CONNECTORS_MANAGE("connectors:manage", false),
    USERS_MANAGE("users:manage", false),
    TOKENS_MANAGE("tokens:manage", false),
    AUDIT_READ("audit:read", false),
    METRICS_READ("metrics:read", false);

    private final String wireName;
    private final boolean lineScoped;

    Action(String wireName, boolean lineScoped) {
        this.wireName = wireName;
        this.lineScoped = lineScoped;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the policy distinguishes the actor's own lines from others for this action. */
    public boolean lineScoped() {
        return lineScoped;
    }

    public static Optional<Action> byWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
