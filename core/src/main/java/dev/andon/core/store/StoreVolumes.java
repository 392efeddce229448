package dev.andon.core.store;

import org.mapdb.volume.ByteArrayVol;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Where MapDB's store keeps its bytes: the store file behind a journal ({@link JournaledVolume}), and the write-ahead
 * log in memory, guarded ({@link GuardedVolume}). MapDB 3.1.0 never reads its log back after a crash, so writing it to
 * disk (a new file, forced, deleted, every commit) bought nothing; the journal is what makes a commit durable.
 * A file channel, not memory mapping: mapped files answer a full disk with SIGBUS (the JVM dies) where a channel
 * throws an IOException that becomes a 503 and a rollback.
 */
final class StoreVolumes extends VolumeFactory {
    private final Path file;
    private final BooleanSupplier writing;
    private final Runnable refused;
    private volatile JournaledVolume store;

    StoreVolumes(Path file, BooleanSupplier writing, Runnable refused) {
        this.file = file;
        this.writing = writing;
        this.refused = refused;
    }

    @Override
    public Volume makeVolume(String name, boolean readOnly, long fileLockWait, int sliceShift, long initSize, boolean fixedSize) {
        if (name != null && Path.of(name).equals(file)) {
            store = new JournaledVolume(new InterruptSafeFileVol(file.toFile(), sliceShift),
                    JournaledVolume.journalOf(file));
            return store;
        }
        return new GuardedVolume(ByteArrayVol.FACTORY.makeVolume(null, false, 0L, sliceShift, initSize, false), writing, refused);
    }

    /**
     * Drops what a failed commit had handed to the store file but not yet made durable (e.g. the file could not grow
     * on a full disk), so that MapDB's rollback reads the last committed state back.
     */
    void discardUncommitted() {
        JournaledVolume s = store;
        if (s != null) {
            s.discardPending();
        }
    }

    @Override
    public boolean exists(String name) {
        return name != null && Files.isRegularFile(Path.of(name));
    }

    @Override
    public boolean handlesReadonly() {
        return false;
    }
}
