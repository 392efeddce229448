package dev.andon.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store in a child JVM commits without pause and is killed with SIGKILL at a random moment, ten times on the same
 * folder. After each kill the store opens, holds every transaction whose commit had returned, and every record reads
 * back whole: MapDB 3.1.0 does not replay its own write-ahead log, so a kill while a commit was being copied into the
 * file used to leave it corrupt ("Broken bit parity").
 */
class KilledDuringCommitTest {

    @TempDir
    Path data;

    @Test
    void everyReturnedCommitSurvivesTenKillsAndEveryRecordReadsWhole() throws Exception {
        long total = 0;
        for (int cycle = 0; cycle < Integer.getInteger("andon.killCycles", 10); cycle++) {
            long confirmed = runAndKill(cycle);
            assertThat(confirmed).as("cycle %d committed something before the kill", cycle).isPositive();
            try (AndonDatabase db = AndonDatabase.open(data)) {
                long committed = db.sequence("load.committed").get();
                assertThat(committed).as("cycle %d: the last commit that returned is there", cycle)
                        .isGreaterThanOrEqualTo(confirmed);
                var records = db.orderedJsonMap("load.records");
                long count = 0;
                for (Map.Entry<Long, String> e : records.entrySet()) {
                    String v = e.getValue();
                    assertThat(v).as("record %d", e.getKey()).startsWith("key=" + e.getKey() + ";")
                            .endsWith(";end=" + e.getKey());
                    assertThat(e.getKey()).isLessThan((committed + 1) * CommitsUntilKilled.PER_COMMIT);
                    count++;
                }
                assertThat(count).as("cycle %d: every record of every commit", cycle)
                        .isEqualTo(committed * CommitsUntilKilled.PER_COMMIT);
                assertThat(db.sortedStrings("load.index")).hasSize((int) count);
                total = committed;
            }
        }
        assertThat(total).isGreaterThan(10);
    }

    /** Starts the child, lets it commit for a random while, kills it; returns the last commit it saw return. */
    private long runAndKill(int cycle) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), CommitsUntilKilled.class.getName(),
                data.toString()).redirectError(ProcessBuilder.Redirect.appendTo(data.resolve("child.err").toFile()))
                .start();
        AtomicLong last = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("committed ")) {
                        last.set(Long.parseLong(line.substring("committed ".length())));
                    }
                }
            } catch (Exception ignored) {
                // the child is gone
            }
        });
        reader.start();
        try {
            long before = last.get();
            await().atMost(60, TimeUnit.SECONDS).until(() -> last.get() > before + 2 || !child.isAlive());
            assertThat(child.isAlive()).as("child alive in cycle %d (see child.err)", cycle).isTrue();
            // a random moment, on purpose; the longer runs pass a checkpoint (the file forced, the journal started over)
            Thread.sleep(ThreadLocalRandom.current().nextInt(50, cycle % 3 == 2 ? 4_000 : 700));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        reader.join(10_000);
        return last.get();
    }
}
