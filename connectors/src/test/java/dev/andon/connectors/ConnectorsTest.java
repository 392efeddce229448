package dev.andon.connectors;

import dev.andon.connectors.base.ConnectorHealth;
import dev.andon.connectors.testing.InboundRig;
import dev.andon.core.audit.AuditQuery;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidPlantException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.intake.AlertLifecycle;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorsTest {
    static final Principal ADMIN = Principal.person("admin:root", "Root", Set.of(Principal.ADMIN_ROLE), Set.of(), true);
    static final Principal OPERATOR = Principal.person("anna.rossi", "Anna Rossi", Set.of("operator"), Set.of("L2"), false);
    @TempDir
    Path dir;
    Vertx vertx;
    InboundRig rig;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        Files.createDirectories(dir.resolve("store"));
        rig = new InboundRig(dir.resolve("store"), 100);
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        rig.close();
    }

    Connectors start(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("connectors.yaml");
        Files.writeString(file, yaml);
        AlertLifecycle lifecycle = (id, to, actor, note) -> { throw new UnsupportedOperationException(); };
        return Connectors.start(file, new Connectors.Parts(rig.plant, null, (a, by) -> rig.alerts.insert(a, r -> r), lifecycle,
                rig.alerts, rig.stations, rig.reports, (by, s, l, st, v) -> { }, rig.db, PermissionPolicy.bundled(),
                new AuditTrail(rig.db, rig.json, rig.clock), rig.json, rig.clock, env), vertx);
    }

    @Test
    void onlyAnAdministratorSwitchesAConnectorOnAndOffWhileAndonRuns() throws Exception {
        try (Connectors c = start("""
                sources:
                  - { name: alertmanager, kind: alertmanager }
                  - { name: cameras, kind: webhook, enabled: false, bindings: { "token:cam-1": vision-model } }
                """, Map.of())) {
            assertThat(c.health()).extracting(ConnectorHealth::name, ConnectorHealth::enabled)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("alertmanager", true),
                            org.assertj.core.groups.Tuple.tuple("cameras", false));
            assertThatThrownBy(() -> c.setEnabled(OPERATOR, "cameras", true)).isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("connectors:manage");
            assertThat(c.setEnabled(ADMIN, "cameras", true).enabled()).isTrue();
            assertThat(c.setEnabled(ADMIN, "alertmanager", false).connected()).isFalse();
            assertThatThrownBy(() -> c.alertmanager(null).receive("{}".getBytes(), ADMIN))
                    .hasMessageContaining("switched off");
            assertThatThrownBy(() -> c.setEnabled(ADMIN, "nope", true)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> c.deadLetters(OPERATOR, null, 10)).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void aSwitchHoldsAcrossARestartAndIsOnTheAuditTrail() throws Exception {
        String yaml = """
                sources:
                  - { name: alertmanager, kind: alertmanager }
                  - { name: cameras, kind: webhook, enabled: false, bindings: { "token:cam-1": vision-model } }
                """;
        try (Connectors c = start(yaml, Map.of())) {
            c.setEnabled(ADMIN, "alertmanager", false);
            c.setEnabled(ADMIN, "cameras", true);
        }
        try (Connectors c = start(yaml, Map.of())) {
            assertThat(c.health()).extracting(ConnectorHealth::name, ConnectorHealth::enabled)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("alertmanager", false),
                            org.assertj.core.groups.Tuple.tuple("cameras", true));
        }
        AuditTrail audit = new AuditTrail(rig.db, rig.json, rig.clock);
        assertThat(audit.query(new AuditQuery("admin:root", "connector", null, null, 10)))
                .extracting(r -> r.action() + " " + r.object())
                .containsExactly("connector:enable connector/cameras", "connector:disable connector/alertmanager");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aWrongConnectorsFileStopsStartUpNamingEachFieldAndProblem() {
        assertThatThrownBy(() -> start("""
                sources:
                  - { name: Plant MQTT, kind: mqtt, topics: { alerts: "a/#" } }
                  - { name: hooks, kind: webhook, bindings: {}, hmacSecretEnv: NOT_SET }
                  - { name: hooks, kind: carrier-pigeon }
                sinks:
                  - { name: pager, kind: webhook, url: "ftp://x", events: [assigned, exploded] }
                  - { name: mail, kind: email, host: smtp.example }
                """, Map.of()))
                .isInstanceOf(InvalidPlantException.class)
                .hasMessageContaining("sources[0].name")
                .hasMessageContaining("sources[0].broker")
                .hasMessageContaining("sources[1].bindings")
                .hasMessageContaining("environment variable NOT_SET is not set")
                .hasMessageContaining("'hooks' is used twice")
                .hasMessageContaining("sources[2].kind")
                .hasMessageContaining("sinks[0].url")
                .hasMessageContaining("unknown event 'exploded'")
                .hasMessageContaining("sinks[1]");
        assertThatThrownBy(() -> start("sources:\n  - { name: am, kind: alertmanager, colour: red }\n", Map.of()))
                .isInstanceOf(InvalidPlantException.class).hasMessageContaining("colour");
    }
}
