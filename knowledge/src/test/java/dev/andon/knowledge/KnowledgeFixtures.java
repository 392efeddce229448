package dev.andon.knowledge;

import dev.andon.knowledge.index.MiniLmEmbedder;
import dev.andon.knowledge.index.TextEmbedder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/** Shared test material: the real MiniLM model (loaded once per test JVM) and a copy of the sample knowledge base. */
public final class KnowledgeFixtures {
    /** Found from the repository root (exec:java) or from the module folder (surefire). */
    public static final Path SAMPLE_KNOWLEDGE = sampleKnowledge();
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
    private static volatile TextEmbedder model;

    private KnowledgeFixtures() {
    }

    private static Path sampleKnowledge() {
        for (Path p : new Path[]{Path.of("sample-plant", "knowledge"), Path.of("..", "sample-plant", "knowledge")}) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("sample-plant/knowledge not found from " + Path.of("").toAbsolutePath());
    }

    public static TextEmbedder model() {
        if (model == null) {
            synchronized (KnowledgeFixtures.class) {
                if (model == null) {
                    model = new MiniLmEmbedder();
                }
            }
        }
        return model;
    }

    public static KnowledgeOptions.Builder options() {
        return KnowledgeOptions.builder().embedder(model()).clock(CLOCK)
                .pollInterval(Duration.ofMillis(100)).refreshInterval(Duration.ofMillis(50));
    }

    public static Path copySample(Path target) {
        return copyTree(SAMPLE_KNOWLEDGE, target);
    }

    /** Copies a folder with everything in it (as a crash would leave it, when taken at one moment). */
    public static Path copyTree(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
