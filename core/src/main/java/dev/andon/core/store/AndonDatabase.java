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
    private final Path file;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Undo steps for in-memory mirrors of the current write; run in reverse if it rolls back. Guarded by writeLock. */
    private final java.util.ArrayDeque<Runnable> undo = new java.util.ArrayDeque<>();

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
            StoreVolumes volumes = new StoreVolumes(file, writeLock::isHeldByCurrentThread);
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
