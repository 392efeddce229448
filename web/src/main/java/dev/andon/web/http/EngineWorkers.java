package dev.andon.web.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.Callable;

/**
 * The worker pool on which every engine call (MapDB, Drools, Lucene, the assistant) runs, so the event loop never
 * blocks. Unordered: independent requests must not queue behind each other.
 */
public final class EngineWorkers implements AutoCloseable {
    private final WorkerExecutor executor;

    public EngineWorkers(Vertx vertx, int poolSize) {
        this.executor = vertx.createSharedWorkerExecutor("andon-engines", poolSize);
    }

    public <T> Future<T> run(Callable<T> work) {
        return executor.executeBlocking(work, false);
    }

    @Override
    public void close() {
        executor.close();
    }
}
