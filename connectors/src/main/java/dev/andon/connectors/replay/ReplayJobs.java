package dev.andon.connectors.replay;

import dev.andon.core.error.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Paced replays run in the background (a day replayed at 60x still takes 24 minutes): each gets an id to follow its
 * progress. One at a time, so two replays do not interleave their alerts; the latest 50 are remembered.
 */
public final class ReplayJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayJobs.class);
    private final RecordedAlertReplay replay;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "andon-replay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public record Job(String id, String status, int alerts, int sent, double speed, Instant startedAt,
                      ReplayReport report, String error) {
        Job with(String s, int n, ReplayReport r, String e) {
            return new Job(id, s, alerts, n, speed, startedAt, r, e);
        }
    }

    public ReplayJobs(RecordedAlertReplay replay, Clock clock) {
        this.replay = replay;
        this.clock = clock;
    }

    public synchronized Job start(PreparedReplay prepared, double speed, dev.andon.core.identity.Principal who) {
        String id = Long.toString(ids.incrementAndGet());
        Job job = new Job(id, "queued", prepared.alerts().size(), 0, speed, clock.instant(), null, null);
        put(job);
        runner.submit(() -> {
            update(id, "running", 0, null, null);
            try {
                ReplayReport report = replay.run(prepared, speed, who, n -> update(id, "running", n, null, null));
                update(id, "done", report.alerts(), report, null);
            } catch (RuntimeException e) {
                LOG.error("replay {} failed", id, e);
                update(id, "failed", get(id).sent(), null, String.valueOf(e.getMessage()));
            }
        });
        return job;
    }

    public synchronized Job get(String id) {
        Job j = jobs.get(id);
        if (j == null) {
            throw new NotFoundException("replay", id);
        }
        return j;
    }

    private synchronized void update(String id, String status, int sent, ReplayReport report, String error) {
        Job j = jobs.get(id);
        if (j != null) {
            jobs.put(id, j.with(status, sent, report, error));
        }
    }

    private void put(Job job) {
        jobs.put(job.id(), job);
        while (jobs.size() > 50) {
            jobs.remove(jobs.keySet().iterator().next());
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
        try {
            runner.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
