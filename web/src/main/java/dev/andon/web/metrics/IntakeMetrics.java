package dev.andon.web.metrics;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.rules.intake.AlertPipeline;
import dev.andon.rules.intake.IntakeObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * Intake as Prometheus sees it: alerts received, decided (by outcome and ruleset version), deduplicated and
 * refused; the size of each committed batch and how long its write and commit took; how many alerts wait.
 */
public final class IntakeMetrics implements IntakeObserver {
    private final MeterRegistry registry;
    private final Counter received;
    private final Counter deduplicated;
    private final Counter refused;
    private final DistributionSummary batchSize;
    private final Timer commitTime;

    public IntakeMetrics(MeterRegistry registry, AlertPipeline pipeline) {
        this.registry = registry;
        this.received = Counter.builder("andon.alerts.received").description("alerts taken into the intake queue")
                .register(registry);
        this.deduplicated = Counter.builder("andon.alerts.deduplicated")
                .description("alerts that repeated an open or suppressed one and only counted up").register(registry);
        this.refused = Counter.builder("andon.alerts.refused")
                .description("queued alerts refused (failed alone, or the store could not commit)").register(registry);
        this.batchSize = DistributionSummary.builder("andon.intake.batch.size").description("alerts per commit")
                .publishPercentileHistogram().register(registry);
        this.commitTime = Timer.builder("andon.intake.commit").description("write and commit time of one batch")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("andon.intake.queue.depth", pipeline, AlertPipeline::queueDepth)
                .description("alerts waiting for their commit").register(registry);
        // The bound intake answers 503 by: every alert taken and not yet answered, wherever it is (queued, decided
        // ahead of the writer, being written). The queue depth alone stays below it while a batch is written.
        Gauge.builder("andon.intake.unanswered", pipeline, AlertPipeline::unanswered)
                .description("alerts taken and not yet answered (queued, decided or being written)").register(registry);
        Gauge.builder("andon.intake.queue.capacity", pipeline, AlertPipeline::queueCapacity)
                .description("alerts that may be taken and unanswered before intake answers 503").register(registry);
    }

    @Override
    public void received() {
        received.increment();
    }

    @Override
    public void decided(AlertRecord rec) {
        String version = rec.decision() == null || rec.decision().rulesetVersion() == null ? "none" : rec.decision().rulesetVersion();
        String outcome = rec.state() == AlertState.SUPPRESSED ? "suppressed" : "assigned";
        registry.counter("andon.alerts.decided", "outcome", outcome, "ruleset", version).increment();
    }

    @Override
    public void deduplicated() {
        deduplicated.increment();
    }

    @Override
    public void refused(Throwable why) {
        refused.increment();
    }

    @Override
    public void committed(int alerts, long writeNanos) {
        batchSize.record(alerts);
        commitTime.record(writeNanos, TimeUnit.NANOSECONDS);
    }
}
