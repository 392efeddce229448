package dev.andon.knowledge.watch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a folder scan at a fixed delay on one daemon thread. Polling with content hashes rather than WatchService:
 * it behaves the same on every file system (network shares and container mounts drop inotify events) and a missed
 * event can never leave the index stale.
 */
public final class PollingWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollingWatcher.class);
    private final ScheduledExecutorService executor;

    public PollingWatcher(Runnable scan, Duration interval) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "knowledge-folder-watch");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(50, interval.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                scan.run();
            } catch (RuntimeException e) {
                LOG.error("knowledge folder scan failed", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
