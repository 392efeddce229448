package dev.andon.core.store;

import org.mapdb.volume.Volume;

import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;

/**
 * The write-ahead log of the store, refusing writes from a thread outside {@link AndonDatabase#write}. MapDB's
 * transaction is global: a change made outside a write would be committed half-done by someone else's commit or
 * wiped by someone else's rollback, and a kill at that moment leaves a broken tree on disk. Every change to the store
 * passes through here first, so this is where such a change is caught, with the stack of whoever made it.
 */
final class GuardedVolume extends ForwardingVolume {
    private final BooleanSupplier writing;

    GuardedVolume(Volume delegate, BooleanSupplier writing) {
        super(delegate);
        this.writing = writing;
    }

    private void check() {
        if (!writing.getAsBoolean()) {
            throw new IllegalStateException("a change to the store outside AndonDatabase.write (thread "
                    + Thread.currentThread().getName() + ")");
        }
    }

    @Override public void putLong(long offset, long value) { check(); super.putLong(offset, value); }
    @Override public void putInt(long offset, int value) { check(); super.putInt(offset, value); }
    @Override public void putByte(long offset, byte value) { check(); super.putByte(offset, value); }
    @Override public void putData(long offset, byte[] src, int srcPos, int srcSize) { check(); super.putData(offset, src, srcPos, srcSize); }
    @Override public void putData(long offset, ByteBuffer buf) { check(); super.putData(offset, buf); }
    @Override public void putDataOverlap(long offset, byte[] src, int srcPos, int srcSize) { check(); super.putDataOverlap(offset, src, srcPos, srcSize); }
    @Override public void clear(long startOffset, long endOffset) { check(); super.clear(startOffset, endOffset); }
}
