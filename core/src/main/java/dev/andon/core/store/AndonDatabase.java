package dev.andon.core.store;

import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one MapDB file of a node, opened with a write-ahead log so that whatever was committed survives a kill.
 * Every logical write goes through {@link #write}: one commit when it succeeds, a rollback when it throws, so nothing
 * is ever half-written. MapDB's rollback covers the whole file, hence a single writer at a time.
 */
public final class AndonDatabase implements AutoCloseable {
    public static final String FILE_NAME = "andon.mapdb";

    private final DB db;
    private final Path file;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Undo steps for in-memory mirrors of the current write; run in reverse if it rolls back. Guarded by writeLock. */
    private final java.util.ArrayDeque<Runnable> undo = new java.util.ArrayDeque<>();

    private AndonDatabase(DB db, Path file) {
        this.db = db;
        this.file = file;
    }

    public static AndonDatabase open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + dataDir, e);
        }
        Path file = dataDir.resolve(FILE_NAME);
        DB db = DBMaker.fileDB(file.toFile())
                .transactionEnable()
                .fileChannelEnable()
                .make();
        return new AndonDatabase(db, file);
    }

    /** Runs {@code mutation} and commits once; nested calls join the outer write and commit with it. */
    public <T> T write(Supplier<T> mutation) {
        writeLock.lock();
        boolean outermost = writeLock.getHoldCount() == 1;
        try {
            T result = mutation.get();
            if (outermost) {
                db.commit();
                undo.clear();
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (outermost) {
                db.rollback();
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

    public void write(Runnable mutation) {
        write(() -> {
            mutation.run();
            return null;
        });
    }

    /** An ordered map from a numeric key to a JSON document. */
    public BTreeMap<Long, String> orderedJsonMap(String name) {
        // Created inside a write so that the creation is committed: otherwise the next rollback would undo the
        // collection itself and leave a dangling handle.
        return write(() -> db.treeMap(name, Serializer.LONG, Serializer.STRING).createOrOpen());
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
        return write(() -> db.treeMap(name, Serializer.STRING, Serializer.STRING).createOrOpen());
    }

    /** An append-style log from a sequence number to a JSON document, read forwards or backwards. */
    public KeyedJsonLog keyedJsonLog(String name) {
        return new KeyedJsonLog(orderedJsonMap(name));
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
