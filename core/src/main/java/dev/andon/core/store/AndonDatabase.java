package dev.andon.core.store;

import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.CC;
import org.mapdb.StoreWAL;
import org.slf4j.LoggerFactory;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one MapDB file of a node; a commit that returned survives a kill (see {@link JournaledVolume}).
 * Every logical write goes through {@link #write}: one commit when it succeeds, a rollback when it throws, so nothing
 * is ever half-written. MapDB's rollback covers the whole file, hence a single writer at a time.
 */
public final class AndonDatabase implements AutoCloseable {
    public static final String FILE_NAME = "andon.mapdb";

    private final DB db;
    private final StoreVolumes volumes;
    private final Path file;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** A change outside {@link #write} was refused half-way; the next write first rolls MapDB back to the last commit. */
    private volatile boolean strayChange;
    /** Undo steps for in-memory mirrors of the current write; run in reverse if it rolls back. Guarded by writeLock. */
    private final java.util.ArrayDeque<Runnable> undo = new java.util.ArrayDeque<>();
    /** Steps to run once the current write is committed (in order), e.g. telling in-memory indexes. Guarded by writeLock. */
    private final java.util.ArrayList<Runnable> afterCommit = new java.util.ArrayList<>();
    /** A test seam standing in for a full disk: when it returns an exception, the commit fails with it. */
    private volatile String commitFault;

    private AndonDatabase(Path file) {
        this.file = file;
        // Opening writes the catalogue of a new store: it counts as a write for the guard on the log.
        writeLock.lock();
        try {
            int replayed = JournaledVolume.recover(file);
            if (replayed > 0) {
                LoggerFactory.getLogger(AndonDatabase.class).info("store: replayed the last commit ({} writes) from its journal after an unclean stop", replayed);
            }
            deleteStaleLogFiles(file);
            this.volumes = new StoreVolumes(file, writeLock::isHeldByCurrentThread, () -> strayChange = true);
            boolean existed = volumes.exists(file.toString());
            // DBMaker offers no way to choose the volumes, so the store is made as DBMaker.fileDB(..).transactionEnable() makes it.
            StoreWAL store = StoreWAL.make(file.toString(), volumes, 0L, true, CC.STORE_DIRECT_CONC_SHIFT, 0L, 0L,
                    false, false, false, true, false);
            this.db = new DB(store, existed, true, AndonDatabase.class.getClassLoader(), 0);
        } finally {
            writeLock.unlock();
        }
    }

    public static AndonDatabase open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + dataDir, e);
        }
        return new AndonDatabase(dataDir.resolve(FILE_NAME));
    }

    /** Write-ahead-log files left by earlier versions, which kept the log on disk; MapDB never reads them back. */
    private static void deleteStaleLogFiles(Path file) {
        try (var old = Files.newDirectoryStream(file.getParent(), file.getFileName() + ".wal.*")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove old log files beside " + file, e);
        }
    }

    /** Runs {@code mutation} and commits once; nested calls join the outer write and commit with it. */
    public <T> T write(Supplier<T> mutation) {
        writeLock.lock();
        boolean outermost = writeLock.getHoldCount() == 1;
        try {
            if (outermost && strayChange) {
                strayChange = false;
                db.rollback();
            }
            T result = mutation.get();
            if (outermost) {
                commit();
                undo.clear();
                runAfterCommit();
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (outermost) {
                afterCommit.clear();
                try {
                    volumes.discardUncommitted();
                    db.rollback();
                } catch (RuntimeException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                while (!undo.isEmpty()) {
                    undo.pop().run();
                }
            }
            throw e;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Registers how to undo a change to an in-memory mirror made inside the current {@link #write}; it runs only if
     * that write rolls back, so caches never keep what the disk does not have.
     */
    public void onRollback(Runnable undoStep) {
        if (!writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("onRollback outside a write");
        }
        undo.push(undoStep);
    }

    /**
     * Registers a step to run right after the current {@link #write} commits (still under the write lock, so steps
     * of successive writes run in commit order); dropped if it rolls back.
     */
    public void afterCommit(Runnable step) {
        if (!writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("afterCommit outside a write");
        }
        afterCommit.add(step);
    }

    private void runAfterCommit() {
        List<Runnable> steps = List.copyOf(afterCommit);
        afterCommit.clear();
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(AndonDatabase.class).warn("after-commit step failed", e);
            }
        }
    }

    private void commit() {
        try {
            String fault = commitFault;
            if (fault != null) {
                throw new java.io.UncheckedIOException(new IOException(fault));
            }
            db.commit();
        } catch (RuntimeException | java.io.IOError e) {
            throw new dev.andon.core.error.StoreUnavailableException("commit failed: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * While {@code message} is not null every commit fails as a full disk's would ({@code IOException(message)}) and
     * the write rolls back; null lets commits through again. For durability tests of what callers see.
     */
    public void failCommits(String message) {
        this.commitFault = message;
    }

    public void write(Runnable mutation) {
        write(() -> {
            mutation.run();
            return null;
        });
    }

    /**
     * An ordered map from a numeric key to a JSON document. Created with its values outside the tree nodes: a node
     * holds 32 entries, and with documents inline every put rewrote (and every read decoded) all 32 of them. Maps
     * created before keep their layout.
     */
    public BTreeMap<Long, String> orderedJsonMap(String name) {
        // Created inside a write so that the creation is committed: otherwise the next rollback would undo the
        // collection itself and leave a dangling handle.
        return write(() -> db.treeMap(name, Serializer.LONG, Serializer.STRING).valuesOutsideNodesEnable().createOrOpen());
    }

    /** Records of one type by a numeric id, encoded by the type's codec and rewritten in place on a change. */
    <V> RecordMap<V> recordMap(String name, Serializer<V> codec) {
        return write(() -> new RecordMap<>(db.getStore(), db.treeMap(name, Serializer.LONG, Serializer.LONG).createOrOpen(),
                codec));
    }

    /** The layout {@link #recordMap} replaced: a tree map with the records as values outside its nodes. */
    <V> BTreeMap<Long, V> records(String name, JsonValueSerializer<V> codec) {
        return write(() -> db.treeMap(name, Serializer.LONG, codec).valuesOutsideNodesEnable().createOrOpen());
    }

    boolean exists(String name) {
        return db.exists(name);
    }

    /** A map from a string key to a JSON document (or any string). */
    public HTreeMap<String, String> jsonMap(String name) {
        return write(() -> db.hashMap(name, Serializer.STRING, Serializer.STRING).createOrOpen());
    }

    /**
     * A map from a string key to a string, typed as a plain {@link java.util.Map} so that stores outside core hold no
     * MapDB type; writes to it belong inside {@link #write}.
     */
    public java.util.Map<String, String> stringMap(String name) {
        return jsonMap(name);
    }

    /** As {@link #sortedStringMap}, typed as a plain {@link java.util.NavigableMap} for stores outside core. */
    public java.util.NavigableMap<String, String> sortedStrings(String name) {
        return sortedStringMap(name);
    }

    /** An ordered map from a string key to a string, for prefix scans (e.g. "user|conversation|seq"). */
    public BTreeMap<String, String> sortedStringMap(String name) {
        return write(() -> db.treeMap(name, Serializer.STRING, Serializer.STRING).valuesOutsideNodesEnable().createOrOpen());
    }

    /** An ordered map between numbers, for secondary indexes scanned by range. */
    BTreeMap<Long, Long> longMap(String name) {
        return write(() -> db.treeMap(name, Serializer.LONG, Serializer.LONG).createOrOpen());
    }

    /** An ordered set of numbers (e.g. two ids packed into one long), for append-only membership records. */
    public java.util.NavigableSet<Long> longSet(String name) {
        return write(() -> db.treeSet(name, Serializer.LONG).createOrOpen());
    }

    /** An append-style log from a sequence number to a JSON document, read forwards or backwards. */
    public KeyedJsonLog keyedJsonLog(String name) {
        return new KeyedJsonLog(orderedJsonMap(name));
    }

    /** The current value of a sequence (for callers outside core that hand out numbers in memory). */
    public long sequenceValue(String name) {
        return sequence(name).get();
    }

    /** Raises a sequence to {@code value} if it is lower; call inside the write that uses the number. */
    public void raiseSequence(String name, long value) {
        Atomic.Long seq = sequence(name);
        if (seq.get() < value) {
            seq.set(value);
        }
    }

    /** Hands out the next number of a named sequence each call (call inside the write that uses it). */
    public java.util.function.LongSupplier counter(String name) {
        Atomic.Long seq = sequence(name);
        return seq::incrementAndGet;
    }

    public Atomic.Long sequence(String name) {
        return write(() -> db.atomicLong(name).createOrOpen());
    }

    public boolean isOpen() {
        return !db.isClosed();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (!db.isClosed()) {
                db.close();
            }
        } finally {
            writeLock.unlock();
        }
    }
}
