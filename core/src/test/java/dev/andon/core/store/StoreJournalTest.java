package dev.andon.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreJournalTest {
    @TempDir
    Path dir;

    @Test
    void aStoreRestoredFromAnOlderBackupIsNotOverwrittenByTheNewerJournal() throws Exception {
        Path backup = dir.resolve("backup");
        Path data = dir.resolve("data");
        try (AndonDatabase db = AndonDatabase.open(data)) {
            var map = db.orderedJsonMap("things");
            db.write(() -> map.put(1L, "one"));
        }
        Files.createDirectories(backup);
        Files.copy(data.resolve(AndonDatabase.FILE_NAME), backup.resolve(AndonDatabase.FILE_NAME));
        Path journal = data.resolve(AndonDatabase.FILE_NAME + ".journal");
        try (AndonDatabase db = AndonDatabase.open(data)) {
            var map = db.orderedJsonMap("things");
            for (long i = 2; i < 300; i++) { // past a checkpoint: the journal then starts from a later file than the backup
                long k = i;
                db.write(() -> map.put(k, "value " + k));
            }
            // as a crash would leave it: entries since the last checkpoint, not yet emptied by a clean stop
            Files.copy(journal, dir.resolve("journal-at-crash"));
        }
        // the operator restores only the store file; the journal beside it is of later commits
        Files.copy(backup.resolve(AndonDatabase.FILE_NAME), data.resolve(AndonDatabase.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("journal-at-crash"), journal, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(journal)).isPositive();

        try (AndonDatabase db = AndonDatabase.open(data)) {
            assertThat(db.orderedJsonMap("things")).containsExactly(java.util.Map.entry(1L, "one"));
        }
    }

    @Test
    void aThreadThatWasInterruptedDoesNotCloseTheStoreForEveryoneElse() throws Exception {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            var map = db.orderedJsonMap("things");
            db.write(() -> map.put(1L, "before"));
            // e.g. a worker whose slow language-model call was cancelled goes on to record the conversation
            Thread worker = new Thread(() -> {
                Thread.currentThread().interrupt();
                db.write(() -> map.put(2L, "by an interrupted thread"));
                assertThat(map.get(1L)).isEqualTo("before");
                assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for its owner").isTrue();
            });
            java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
            worker.setUncaughtExceptionHandler((t, e) -> failed.set(e));
            worker.start();
            worker.join();
            assertThat(failed.get()).isNull();
            db.write(() -> map.put(3L, "after"));
        }
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            assertThat(db.orderedJsonMap("things")).containsOnlyKeys(1L, 2L, 3L);
        }
    }

    @Test
    void aSecondOpenOfTheSameStoreIsRefused() {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            assertThatThrownBy(() -> AndonDatabase.open(dir)).hasMessageContaining("is already open");
        }
    }

    @Test
    void aChangeOutsideAWriteIsRefusedAndLeavesNothingBehind() {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            var map = db.orderedJsonMap("things");
            assertThatThrownBy(() -> map.put(1L, "outside")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("outside AndonDatabase.write");
            db.write(() -> map.put(2L, "inside"));
        }
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            assertThat(db.orderedJsonMap("things")).containsOnlyKeys(2L);
        }
    }
}
