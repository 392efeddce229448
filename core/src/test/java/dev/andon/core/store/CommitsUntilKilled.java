package dev.andon.core.store;

import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.SplittableRandom;

/**
 * The child JVM of {@link KilledDuringCommitTest}: commits transactions as fast as it can, each adding a block of
 * records of mixed sizes, rewriting a few older ones (so space is freed and reused) and raising a counter, and prints
 * the counter after each commit returns. It never stops on its own; the parent kills it.
 */
public final class CommitsUntilKilled {
    static final int PER_COMMIT = 64;

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        AndonDatabase db = AndonDatabase.open(dir);
        var records = db.orderedJsonMap("load.records");
        NavigableMap<String, String> index = db.sortedStrings("load.index");
        var committed = db.sequence("load.committed");
        SplittableRandom random = new SplittableRandom();
        while (true) {
            long n = db.write(() -> {
                long next = committed.get() + 1;
                for (int i = 0; i < PER_COMMIT; i++) {
                    long key = next * PER_COMMIT + i;
                    records.put(key, value(key, 0, random.nextInt(20, 6_000)));
                    index.put(String.format("%012d", key), Long.toString(key));
                }
                for (int i = 0; i < 4 && next > 1; i++) {
                    long old = random.nextLong(PER_COMMIT, next * PER_COMMIT);
                    records.put(old, value(old, next, random.nextInt(20, 6_000)));
                }
                committed.set(next);
                return next;
            });
            System.out.println("committed " + n);
            System.out.flush();
        }
    }

    /** A record that says which key it belongs to, so a torn or misplaced record is seen when read back. */
    static String value(long key, long version, int length) {
        StringBuilder b = new StringBuilder("key=").append(key).append(";v=").append(version).append(';');
        while (b.length() < length) {
            b.append((char) ('a' + (key + b.length()) % 26));
        }
        return b.append(";end=").append(key).toString();
    }
}
