package dev.andon.core.store;

import org.mapdb.volume.Volume;

import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;

/**
 * The write-ahead log of the store, refusing writes from a thread outside {@link AndonDatabase#write}. MapDB's
 * transaction is global: a change made outside a write would be committed half-done by someone else's commit or
 * wiped by someone else's rollback, and a kill at that moment leaves a broken tree on disk. Every change to the store
 * passes through here first, so this is where such a change is caught, with the stack of whoever made it. The
 * refused change may have left MapDB's uncommitted state half-done: {@code refused} is told, so the next write starts
 * from a rollback.
 */
final class GuardedVolume extends ForwardingVolume {
    private final BooleanSupplier writing;
    private final Runnable refused;

    GuardedVolume(Volume delegate, BooleanSupplier writing, Runnable refused) {
        super(delegate);
        this.writing = writing;
        this.refused = refused;
    }

    /**
     * A new log file's own header (its first 16 bytes) is let through: MapDB counts the file before it writes that
     * header, and refusing there would leave the log's bookkeeping wrong for good. Refusing the first byte of the change
     * itself leaves only an unused gap in the log.
     */
    private void check(long offset) {
        if (offset >= 16 && !writing.getAsBoolean()) {
            refused.run();
            throw new IllegalStateException("a change to the store outside AndonDatabase.write (thread "
                    + Thread.currentThread().getName() + ")");
        }
    }

    @Override public void putLong(long offset, long value) { check(offset); super.putLong(offset, value); }
    @Override public void putInt(long offset, int value) { check(offset); super.putInt(offset, value); }
    @Override public void putByte(long offset, byte value) { check(offset); super.putByte(offset, value); }
    @Override public void putData(long offset, byte[] src, int srcPos, int srcSize) { check(offset); super.putData(offset, src, srcPos, srcSize); }
    @Override public void putData(long offset, ByteBuffer buf) { check(offset); super.putData(offset, buf); }
    @Override public void putDataOverlap(long offset, byte[] src, int srcPos, int srcSize) { check(offset); super.putDataOverlap(offset, src, srcPos, srcSize); }
    @Override public void clear(long startOffset, long endOffset) { check(startOffset); super.clear(startOffset, endOffset); }
}
