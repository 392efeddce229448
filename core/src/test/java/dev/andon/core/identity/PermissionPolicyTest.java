package dev.andon.core.identity;

import dev.andon.core.error.ForbiddenException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PermissionPolicyTest {
    final PermissionPolicy policy = PermissionPolicy.bundled();
    final Principal operatorL2 = Principal.person("anna.rossi", "Anna", Set.of("operator"), Set.of("L2"), false);
    final Principal leaderL2 = Principal.person("luca.bianchi", "Luca", Set.of("team-leader", "operator"), Set.of("L2"), false);
    final Principal processOwner = Principal.person("roberta.fontana", "Roberta", Set.of("process-owner"), Set.of(), true);
    final Principal admin = Principal.person("admin", "Admin", Set.of("admin"), Set.of(), true);

    @Test
    void operatorsActOnTheirOwnLinesOnly() {
        assertThat(policy.allows(operatorL2, Action.ALERTS_TRANSITION, "L2")).isTrue();
        assertThat(policy.allows(operatorL2, Action.ALERTS_TRANSITION, "L1")).isFalse();
        assertThat(policy.allows(operatorL2, Action.ALERTS_READ, "L1")).as("reading is plant-wide").isTrue();
        assertThat(policy.allows(operatorL2, Action.SILENCES_MANAGE, "L2")).isFalse();
        assertThatThrownBy(() -> policy.require(operatorL2, Action.ALERTS_TRANSITION, "L1"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("anna.rossi").hasMessageContaining("L1")
                .hasMessageContaining("works on L2");
    }

    @Test
    void onlyProcessOwnersApproveRunbooksAndOnlyAdminsManageUsers() {
        assertThat(policy.allows(processOwner, Action.RULESETS_APPROVE, null)).isTrue();
        assertThat(policy.allows(leaderL2, Action.RULESETS_APPROVE, null)).isFalse();
        assertThat(policy.allows(admin, Action.RULESETS_APPROVE, null)).isFalse();
        assertThat(policy.allows(admin, Action.USERS_MANAGE, null)).isTrue();
        assertThat(policy.allows(processOwner, Action.USERS_MANAGE, null)).isFalse();
        assertThat(policy.allows(leaderL2, Action.SILENCES_MANAGE, "L2")).isTrue();
    }

    @Test
    void machineTokensDoOnlyWhatTheirScopesSayOnTheirLines() {
        Principal gatewayL1 = Principal.machine("t1", "vision gateway", Set.of("alerts:write"), Set.of("L1"), false);
        assertThat(policy.allows(gatewayL1, Action.ALERTS_RAISE, "L1")).isTrue();
        assertThat(policy.allows(gatewayL1, Action.ALERTS_RAISE, "L2")).isFalse();
        assertThat(policy.allows(gatewayL1, Action.ALERTS_TRANSITION, "L1")).isFalse();
        Principal scraper = Principal.machine("t2", "prometheus", Set.of("metrics:read"), Set.of(), true);
        assertThat(policy.allows(scraper, Action.METRICS_READ, null)).isTrue();
        assertThat(policy.allows(scraper, Action.ALERTS_READ, null)).isFalse();
        assertThat(policy.allows(null, Action.ALERTS_READ, null)).isFalse();
    }

    @Test
    void whatSomeoneMayDoIsListedForThePage() {
        assertThat(policy.actionsOf(operatorL2)).contains(Action.ALERTS_TRANSITION, Action.CHAT_USE)
                .doesNotContain(Action.RULESETS_APPROVE, Action.USERS_MANAGE);
        assertThat(policy.linesFor(leaderL2, Action.SILENCES_MANAGE, Set.of("L1", "L2"))).containsExactly("L2");
    }
}
