package dev.andon.rules.intake;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.Severity;
import dev.andon.core.error.ServiceUnavailableException;
import dev.andon.core.store.AlertQuery;
import dev.andon.rules.support.Alerts;
import dev.andon.rules.support.Rig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What intake does when it cannot keep up or cannot write: refuse with 503, keep nothing half-written, resume. */
class IntakeDurabilityTest {
    @TempDir
    Path dir;
    Rig rig;

    @AfterEach
    void stop() {
        rig.db.failCommits(null);
        rig.close();
    }

    private dev.andon.core.alert.Alert alert(int n) {
        return Alerts.alert("model-" + n, "L1", "robot-2", "tool-wear", Severity.MEDIUM, 0.9, rig.clock.instant());
    }

    @Test
    void aFullQueueIsRefusedAtOnceWithRetryAfterAndTheQueuedAlertsAreStillTaken() {
        rig = Rig.start(dir, dev.andon.rules.support.SampleRules.plant(), Alerts.EARLY_SHIFT, Map.of("intakeQueueSize", "3"));
        var intake = rig.runbooks.intake();
        List<CompletableFuture<AlertRecord>> queued = new ArrayList<>();
        // Hold the store's one writer: the intake thread takes the first alert and waits for the lock, the queue fills.
        rig.db.write(() -> {
            queued.add(intake.submit(alert(0), Alerts.GATEWAY).toCompletableFuture());
            await().atMost(10, TimeUnit.SECONDS).until(() -> rig.runbooks.pipeline().queueDepth() == 0);
            // Three alerts may wait for their commit, wherever they are: queued, or decided ahead of the held writer.
            for (int i = 1; i <= 2; i++) {
                queued.add(intake.submit(alert(i), Alerts.GATEWAY).toCompletableFuture());
            }
            assertThat(rig.runbooks.pipeline().unanswered()).isEqualTo(3);
            assertThatThrownBy(() -> intake.submit(alert(3), Alerts.GATEWAY))
                    .isInstanceOf(ServiceUnavailableException.class)
                    .hasMessageContaining("full")
                    .satisfies(e -> assertThat(((ServiceUnavailableException) e).retryAfter().toSeconds()).isPositive());
        });
        List<String> ids = queued.stream().map(CompletableFuture::join).map(AlertRecord::id).toList();
        assertThat(ids).containsExactly("1", "2", "3");
        assertThat(rig.alerts.count()).isEqualTo(3);
        await().atMost(5, TimeUnit.SECONDS).until(() -> rig.runbooks.pipeline().unanswered() == 0);
    }

    @Test
    void whileTheDiskIsFullAlertsAre503AndNothingIsKeptThenIntakeResumes() {
        rig = Rig.start(dir, Alerts.EARLY_SHIFT);
        var intake = rig.runbooks.intake();
        AlertRecord before = intake.receive(alert(0), Alerts.GATEWAY);
        rig.db.failCommits("No space left on device");

        List<CompletableFuture<AlertRecord>> refused = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            refused.add(intake.submit(alert(i), Alerts.GATEWAY).toCompletableFuture());
        }
        refused.add(intake.submit(alert(0), Alerts.GATEWAY).toCompletableFuture()); // a repeat: its count-up is not kept either
        for (CompletableFuture<AlertRecord> f : refused) {
            assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(ServiceUnavailableException.class)
                    .cause().hasMessageContaining("No space left on device");
        }
        assertThat(rig.alerts.count()).isEqualTo(1);
        assertThat(rig.alerts.get(before.id()).occurrences()).isEqualTo(1);
        assertThat(rig.runbooks.escalations().pending(before.id())).isNotEmpty();

        rig.db.failCommits(null);
        AlertRecord after = intake.receive(alert(1), Alerts.GATEWAY);
        AlertRecord repeat = intake.receive(alert(0), Alerts.GATEWAY);
        assertThat(repeat.id()).isEqualTo(before.id());
        assertThat(repeat.occurrences()).isEqualTo(2);

        rig.restart();
        assertThat(rig.alerts.count()).isEqualTo(2);
        assertThat(rig.alerts.get(after.id()).decision()).isNotNull();
        assertThat(rig.alerts.list(AlertQuery.openOn("L1"))).extracting(AlertRecord::id)
                .containsExactly(after.id(), before.id());
    }
}
