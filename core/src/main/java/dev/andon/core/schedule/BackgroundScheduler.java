package dev.andon.core.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link Scheduler} on a small pool of daemon threads named {@code andon-scheduler-N}. */
public final class BackgroundScheduler implements Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundScheduler.class);
    private static final long GRACE_SECONDS = 5;
    private final ScheduledExecutorService pool;

    public BackgroundScheduler(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newScheduledThreadPool(threads, r -> {
            Thread t = new Thread(r, "andon-scheduler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Task every(String name, Duration initialDelay, Duration every, Runnable task) {
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("task " + name + ": period must be positive, got " + every);
        }
        ScheduledFuture<?> f = pool.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("background task {} failed; it runs again at its next time", name, e);
            }
        }, initialDelay.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new Task() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void cancel() {
                f.cancel(false);
            }
        };
    }

    @Override
    public void close() {
        // shutdown, not shutdownNow: interrupting a task inside a FileChannel write would close MapDB's file.
        pool.shutdown();
        try {
            if (!pool.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("background tasks still running {} s after stop", GRACE_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
