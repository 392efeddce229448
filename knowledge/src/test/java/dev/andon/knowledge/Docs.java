package dev.andon.knowledge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Small document texts for tests, and a wait for the folder watcher. */
final class Docs {
    private Docs() {
    }

    static String markdown(String id, String version, String title, String body) {
        return markdown(id, version, title, "sop", "[]", "[]", body);
    }

    static String markdown(String id, String version, String title, String type, String roles, String lines, String body) {
        return """
                ---
                id: %s
                title: %s
                type: %s
                roles: %s
                lines: %s
                version: "%s"
                effectiveDate: 2026-01-01
                reviewDate: 2027-01-01
                owner: Test owner
                language: en
                ---
                # %s

                %s
                """.formatted(id, title, type, roles, lines, version, title, body);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
