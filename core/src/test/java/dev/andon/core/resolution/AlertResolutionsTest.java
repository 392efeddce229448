package dev.andon.core.resolution;

import dev.andon.core.audit.AuditQuery;
import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.testing.ShiftWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertResolutionsTest {
    static final Instant T = Instant.parse("2026-11-25T08:00:00Z");
    @TempDir
    Path dir;
    ShiftWorld w;

    @BeforeEach
    void open() {
        w = new ShiftWorld(dir, T);
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void theLastThreeFixesOfTheSameProblemOnTheSameStationAreShownNewestFirst() {
        w.raise("L2", "press-3", "hydraulic-pressure-drop", Instant.parse("2026-10-30T08:00:00Z"), "marco.ferri");
        for (int i = 1; i <= 4; i++) {
            AlertRecord a = w.raise("L2", "press-3", "hydraulic-pressure-drop", T.minus(Duration.ofDays(5 - i)), "marco.ferri");
            w.clock.set(T.minus(Duration.ofDays(5 - i)).plus(Duration.ofMinutes(10L * i)));
            w.resolutions.resolve(w.lifecycle, a.id(), w.who("marco.ferri"), null,
                    new AlertResolutions.Input("cause " + i, null, "action " + i, "act-" + i));
        }
        w.raise("L2", "press-3", "tool-wear", T, "marco.ferri");
        w.raise("L2", "coil-1", "hydraulic-pressure-drop", T, "marco.ferri");
        AlertRecord again = w.raise("L2", "press-3", "hydraulic-pressure-drop", T, "marco.ferri");
        w.clock.set(T);

        Recurrence r = w.resolutions.recurrence(again.id());

        assertThat(r.lastResolutions()).extracting(Resolution::cause).containsExactly("cause 4", "cause 3", "cause 2");
        Resolution last = r.lastResolutions().get(0);
        assertThat(last.resolvedBy()).isEqualTo("marco.ferri");
        assertThat(last.resolvedByName()).isEqualTo("Marco Ferri");
        assertThat(last.action()).isEqualTo("action 4");
        assertThat(last.actionCode()).isEqualTo("act-4");
        assertThat(last.timeToFix()).isEqualTo(Duration.ofMinutes(40));
        assertThat(r.raisedThisMonth()).isEqualTo(5);   // four in November plus this one; October's does not count
    }

    @Test
    void resolvingWithoutCauseOrActionMovesNothing() {
        AlertRecord a = w.raise("L2", "press-3", "tool-wear", T, "marco.ferri");

        assertThatThrownBy(() -> w.resolutions.resolve(w.lifecycle, a.id(), w.who("marco.ferri"), null,
                new AlertResolutions.Input(" ", null, "replaced", "bad code!")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("cause", "actionCode"));
        assertThat(w.alerts.get(a.id()).state()).isEqualTo(AlertState.ASSIGNED);
        assertThat(w.resolutionStore.forAlert(a.id())).isEmpty();
    }

    @Test
    void anIllegalTransitionStoresNoResolution() {
        AlertRecord a = w.raise("L2", "press-3", "tool-wear", T, "marco.ferri");
        w.resolutions.resolve(w.lifecycle, a.id(), w.who("marco.ferri"), null, new AlertResolutions.Input("c", null, "a", null));

        assertThatThrownBy(() -> w.resolutions.resolve(w.lifecycle, a.id(), w.who("marco.ferri"), null,
                new AlertResolutions.Input("other", null, "other", null))).isInstanceOf(ConflictException.class);
        assertThat(w.resolutionStore.forAlert(a.id()).orElseThrow().cause()).isEqualTo("c");
        // what was found and done is on the audit trail once, in the name of who resolved it; the refused retry adds nothing
        assertThat(w.audit.query(new AuditQuery(null, "alert/" + a.id(), null, null, 10)))
                .filteredOn(r -> r.action().equals("alert.resolution")).singleElement().satisfies(r -> {
                    assertThat(r.actor()).isEqualTo("marco.ferri");
                    assertThat(r.after().get("cause").asText()).isEqualTo("c");
                });
    }
}
