package dev.andon.rules.lifecycle;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.alert.Transition;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.intake.AlertLifecycle;
import dev.andon.rules.support.Alerts;
import dev.andon.rules.support.Rig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class AlertLifecycleTest {
    @TempDir
    Path dir;
    Rig rig;
    AlertLifecycle lifecycle;
    String id;

    @BeforeEach
    void start() {
        rig = Rig.start(dir, Alerts.EARLY_SHIFT);
        lifecycle = rig.runbooks.lifecycle();
        id = rig.runbooks.intake().receive(Alerts.pressVibration(0.82, rig.clock.instant()), Alerts.GATEWAY).id();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void acknowledgeStartAndResolveRecordWhoDidWhatAndWhen() {
        Instant t0 = rig.clock.instant();
        rig.clock.advance(Duration.ofMinutes(2));
        lifecycle.transition(id, AlertState.ACKNOWLEDGED, rig.as("marco.ferri"), "on my way");
        rig.clock.advance(Duration.ofMinutes(5));
        lifecycle.transition(id, AlertState.IN_PROGRESS, rig.as("marco.ferri"), null);
        rig.clock.advance(Duration.ofMinutes(40));
        AlertRecord done = lifecycle.transition(id, AlertState.RESOLVED, rig.as("marco.ferri"), "loose die clamp tightened");

        assertThat(done.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(done.history()).extracting(Transition::from, Transition::to, Transition::actor, Transition::at)
                .containsExactly(
                        tuple(AlertState.NEW, AlertState.ASSIGNED, "andon", t0),
                        tuple(AlertState.ASSIGNED, AlertState.ACKNOWLEDGED, "marco.ferri", t0.plus(Duration.ofMinutes(2))),
                        tuple(AlertState.ACKNOWLEDGED, AlertState.IN_PROGRESS, "marco.ferri", t0.plus(Duration.ofMinutes(7))),
                        tuple(AlertState.IN_PROGRESS, AlertState.RESOLVED, "marco.ferri", t0.plus(Duration.ofMinutes(47))));
        assertThat(done.history()).last().extracting(Transition::note).isEqualTo("loose die clamp tightened");
        assertThat(rig.runbooks.escalations().pending(id)).as("a resolved alert escalates no more").isEmpty();
    }

    @Test
    void illegalTransitionIsRefusedAsAConflictAndChangesNothing() {
        lifecycle.transition(id, AlertState.RESOLVED, rig.as("marco.ferri"), "false alarm");

        assertThatThrownBy(() -> lifecycle.transition(id, AlertState.ACKNOWLEDGED, rig.as("anna.rossi"), null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("resolved").hasMessageContaining("acknowledged");
        assertThatThrownBy(() -> lifecycle.transition(id, AlertState.IN_PROGRESS, rig.as("anna.rossi"), null))
                .isInstanceOf(ConflictException.class);
        assertThat(rig.alerts.get(id).history()).hasSize(2);
    }

    @Test
    void startingWorkBeforeAcknowledgingIsAConflict() {
        assertThatThrownBy(() -> lifecycle.transition(id, AlertState.IN_PROGRESS, rig.as("marco.ferri"), null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void transitionWithoutActorOrOfAnUnknownAlertIsRefused() {
        assertThatThrownBy(() -> lifecycle.transition(id, AlertState.ACKNOWLEDGED, null, null))
                .isInstanceOf(dev.andon.core.error.UnauthenticatedException.class);
        assertThatThrownBy(() -> lifecycle.transition(id, AlertState.NEW, rig.as("marco.ferri"), null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lifecycle.transition("999", AlertState.ACKNOWLEDGED, rig.as("marco.ferri"), null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void acknowledgingCancelsTheAcknowledgeEscalationButNotTheResolveOne() {
        assertThat(rig.runbooks.escalations().pending(id)).extracting(p -> p.trigger())
                .containsExactlyInAnyOrder("unacknowledged", "unresolved");

        lifecycle.transition(id, AlertState.ACKNOWLEDGED, rig.as("marco.ferri"), null);

        assertThat(rig.runbooks.escalations().pending(id)).extracting(p -> p.trigger()).containsExactly("unresolved");
    }

    @Test
    void listenersHearEveryCommittedTransition() {
        java.util.List<AlertState> heard = new java.util.ArrayList<>();
        rig.runbooks.onChange(r -> heard.add(r.state()));

        lifecycle.transition(id, AlertState.ACKNOWLEDGED, rig.as("marco.ferri"), null);
        try {
            lifecycle.transition(id, AlertState.NEW, rig.as("marco.ferri"), null);
        } catch (InvalidInputException expected) {
            // refused: nothing to hear
        }

        assertThat(heard).containsExactly(AlertState.ACKNOWLEDGED);
    }
}
